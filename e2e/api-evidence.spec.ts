// A lead creates an API token in the UI; the scanner, run as a pipeline runs
// it, submits evidence with it through the running app; the reviewer sees the
// suggestions in the walk, accepts one and overrides another, and the record
// says which is which.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { pageAs } from "./roles";

test.describe.configure({ mode: "serial" });

let token = "";
const ACCEPT = "F07-UNPRIVILEGED-PORT";
const OVERRIDE = "F11-CENTRAL-TAMPER-EVIDENT";
const SOURCE = `twelvefold-scan ${(JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version}`;
const run = promisify(execFile);

test("the lead creates a token for the Payments team and sees it listed", async ({ browser }) => {
  const { page } = await pageAs(browser, "lead");
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

test("the scanner submits evidence with the token; the reviewer accepts one suggestion and overrides another", async ({ browser, baseURL }) => {
  // A whole CLI process (tsx starting up, a scan) and a reviewer's walk: it took
  // 27-29 s of a 30 s budget on a 2-core machine, so it gets a slow test's budget.
  test.slow();
  // The pipeline's step, as a user's CI would run it: the real command on a
  // repository with planted problems, the token in the environment.
  const scan = await run(process.execPath, ["scripts/twelvefold.mjs", "scan", "tests/fixtures/scan-bad", "--url", baseURL!, "--service", "checkout-api"], {
    env: { NODE_ENV: "test", PATH: process.env.PATH, TWELVEFOLD_TOKEN: token },
  });
  expect(scan.stdout).toContain("NOT MET  F07-UNPRIVILEGED-PORT");
  const submitted = /Submitted (\d+) results for checkout-api; they wait as suggestions in (\S+)/.exec(scan.stderr);
  expect(submitted, scan.stderr).not.toBeNull();
  expect(Number(submitted![1])).toBe(12);
  const assessment = new URL(submitted![2]!).pathname;

  const { page } = await pageAs(browser, "reviewer");
  await page.goto(`${assessment}/factors/7`);
  const accept = page.locator(`article[id="${ACCEPT}"]`);
  const suggestion = accept.getByRole("region", { name: "Suggested answer: Not met" });
  await expect(suggestion).toContainText(SOURCE);
  await expect(suggestion).toContainText("ci-checkout-api");
  await expect(suggestion).toContainText("Dockerfile:8");
  await expect(suggestion).toContainText("EXPOSE 80, a privileged port below 1024");
  await expectAccessible(page);
  await suggestion.getByRole("button", { name: "Accept suggestion" }).click();
  await expect(accept.getByText(new RegExp(`Machine-suggested \\(not met\\) by ${SOURCE.replace(/\./g, "\\.")}; accepted by Riley Reviewer`))).toBeVisible();
  await expect(accept.getByRole("radio", { name: "Not met", exact: true })).toBeChecked();
  await expect(accept.getByLabel(/^Justification/)).toHaveValue(/runs as root/);

  await page.goto(`${assessment}/factors/11`);
  const override = page.locator(`article[id="${OVERRIDE}"]`);
  const offered = override.getByRole("region", { name: "Suggested answer: Not met" });
  await expect(offered).toContainText("src/server.js:5");
  await expect(offered.getByRole("button", { name: "Keep my answer" })).toBeDisabled();
  await override.getByText("Partially met", { exact: true }).click();
  await override.getByLabel(/^Justification/).fill("Audit events go to stdout; only the access log still writes a file, and it is off in production.");
  await expect(override.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });
  await expect(offered.getByRole("button", { name: "Keep my answer" })).toBeEnabled();
  await offered.getByRole("button", { name: "Keep my answer" }).click();
  await expect(override.getByText(new RegExp(`${SOURCE.replace(/\./g, "\\.")} suggested not met; overridden by Riley Reviewer`))).toBeVisible();
  await expect(override.getByRole("radio", { name: "Partially met", exact: true })).toBeChecked();
  await page.screenshot({ path: "test-results/screenshots/suggestions.png", fullPage: true });
  await expectAccessible(page);
});
