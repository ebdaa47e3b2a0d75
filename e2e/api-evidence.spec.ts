// A lead creates an API token in the UI; a pipeline submits evidence with it
// through the running app; the reviewer sees the suggestions in the walk,
// accepts one and overrides another, and the record says which is which.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { stateFile } from "./roles";

test.describe.configure({ mode: "serial" });

let token = "";
const ACCEPT = "F09-GRACEFUL-SHUTDOWN";
const OVERRIDE = "F11-CENTRAL-TAMPER-EVIDENT";

test("the lead creates a token for the Payments team and sees it listed", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: stateFile("lead") })).newPage();
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill("ci-checkout-api");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("The token");
  await expect(shown).toHaveValue(/^tf_[A-Za-z0-9_-]{43}$/);
  token = await shown.inputValue();
  await expect(page.getByRole("table", { name: "API tokens of your teams" }).getByRole("row", { name: /ci-checkout-api/ })).toContainText("Submit evidence");
  await page.screenshot({ path: "test-results/screenshots/api-tokens.png", fullPage: true });
  await expectAccessible(page);
});

test("a pipeline submits evidence with the token; the reviewer accepts one suggestion and overrides another", async ({ browser, baseURL }) => {
  const response = await fetch(`${baseURL}/api/v1/services/checkout-api/evidence`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      source: "twelvefold-scan 1.0.0",
      results: [
        { itemId: ACCEPT, status: "met", summary: "The server handles SIGTERM and drains connections.", observations: [{ file: "src/server.ts", line: 42, message: "process.on(\"SIGTERM\", …)" }] },
        { itemId: OVERRIDE, status: "not_met", summary: "Logs are written to a file.", observations: [{ file: "src/log.ts", line: 7, message: "createWriteStream(\"app.log\")" }] },
      ],
    }),
  });
  expect(response.status).toBe(201);
  const { assessmentUnderWay } = (await response.json()) as { assessmentUnderWay: string };
  expect(assessmentUnderWay).toBeTruthy();

  const page = await (await browser.newContext({ storageState: stateFile("reviewer") })).newPage();
  await page.goto(`/assessments/${assessmentUnderWay}/factors/9`);
  const accept = page.locator(`article[id="${ACCEPT}"]`);
  const suggestion = accept.getByRole("region", { name: "Suggested answer: Met" });
  await expect(suggestion).toContainText("twelvefold-scan 1.0.0");
  await expect(suggestion).toContainText("ci-checkout-api");
  await expect(suggestion).toContainText("src/server.ts:42");
  await expectAccessible(page);
  await suggestion.getByRole("button", { name: "Accept suggestion" }).click();
  await expect(accept.getByText(/Machine-suggested \(met\) by twelvefold-scan 1\.0\.0; accepted by Riley Reviewer/)).toBeVisible();
  await expect(accept.getByRole("radio", { name: "Met", exact: true })).toBeChecked();
  await expect(accept.getByLabel(/^Justification/)).toHaveValue(/drains connections/);

  await page.goto(`/assessments/${assessmentUnderWay}/factors/11`);
  const override = page.locator(`article[id="${OVERRIDE}"]`);
  const offered = override.getByRole("region", { name: "Suggested answer: Not met" });
  await expect(offered.getByRole("button", { name: "Keep my answer" })).toBeDisabled();
  await override.getByText("Partially met", { exact: true }).click();
  await override.getByLabel(/^Justification/).fill("Audit events go to stdout; only the debug log still writes a file, and it is off in production.");
  await expect(override.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });
  await expect(offered.getByRole("button", { name: "Keep my answer" })).toBeEnabled();
  await offered.getByRole("button", { name: "Keep my answer" }).click();
  await expect(override.getByText(/twelvefold-scan 1\.0\.0 suggested not met; overridden by Riley Reviewer/)).toBeVisible();
  await expect(override.getByRole("radio", { name: "Partially met", exact: true })).toBeChecked();
  await page.screenshot({ path: "test-results/screenshots/suggestions.png", fullPage: true });
  await expectAccessible(page);
});
