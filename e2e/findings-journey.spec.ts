// A lead's way through findings, as a new user would take it, and what an
// auditor and a member of another team see of the same finding.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { makeUser } from "./factories";
import { signIn, pageAs } from "./roles";

test.describe.configure({ mode: "serial" });
// A long journey with several accessibility scans: give it room on a busy 2-core machine.
test.setTimeout(120_000);
let findingUrl = "";

test("the lead goes from the weakest service to a finding, owns it, accepts its risk, and exports the overdue ones", async ({ browser }) => {
  const { context, page } = await pageAs(browser, "lead");
  await page.goto("/");
  // The trends narrow to one team and back.
  await page.getByRole("navigation", { name: "Trends for" }).getByRole("link", { name: "Payments" }).click();
  // The dashboard renders again for the team: on a loaded machine that takes longer than the default wait.
  await expect(page.getByText("Mean latest score of the Payments team's assessed services, as each month ended.")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("navigation", { name: "Trends for" }).getByRole("link", { name: "All teams" }).click();
  await expect(page.getByText("Mean latest score of the assessed services, as each month ended.")).toBeVisible({ timeout: 15_000 });
  const heatmap = page.getByRole("table", { name: /Latest score of each service/ });
  const rows = await heatmap
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => ({ name: tr.querySelector("th a")?.textContent?.trim() ?? "", score: Number(tr.querySelector("td")?.textContent?.trim()) })),
    );
  const weakest = rows.filter((r) => Number.isFinite(r.score)).sort((a, b) => a.score - b.score)[0]!;
  await heatmap.getByRole("link", { name: weakest.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(weakest.name);
  // The service's history arrives after the page (/series/service-trend): both charts, captioned.
  await expect(page.getByText(/^From [\d.]+ on .+ to [\d.]+ on .+\.$/)).toBeVisible();
  await expect(page.getByText(/^\d+ unresolved after the latest approval\.$/)).toBeVisible();
  await expect(page.locator("figure .recharts-responsive-container")).toHaveCount(2);
  await page.screenshot({ path: "test-results/screenshots/service-report.png", fullPage: true });
  await expectAccessible(page);

  // An open one (not already in progress or accepted), from the service's findings.
  const open = page
    .getByRole("table", { name: "Unresolved findings of this service" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: /^open$/i }) });
  // One a lead accepts alone: critical and high ones take a second lead (four eyes), which the programme spec covers.
  const hrefs = await open.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByRole("heading", { name: "What the item asks" })).toBeVisible();
    if ((await page.getByRole("button", { name: "Accept the risk" }).count()) > 0) break;
  }
  await expect(page.getByRole("button", { name: "Accept the risk" })).toBeVisible();
  findingUrl = page.url();
  await expectAccessible(page);

  await page.getByLabel("Owner").selectOption({ label: "Riley Reviewer" });
  await page.getByRole("button", { name: "Save owner" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Owner assigned." })).toBeVisible();

  const until = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Why the risk is acceptable").fill("Compensating control: the payout API is only reachable from the batch network.");
  await page.getByLabel("Accepted until").fill(until);
  await page.getByRole("button", { name: "Accept the risk" }).click();
  await expect(page.getByRole("note")).toContainText("Risk accepted until");
  await expect(page.getByRole("note")).toContainText("by Lee Lead");
  const history = page.locator("ol").filter({ hasText: "Risk accepted until" });
  await expect(history).toContainText(/Owner [^→]+ → Riley Reviewer/);

  await page.goto("/findings");
  await page.getByLabel("Overdue only").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/overdue=1/);
  const body = page.getByRole("table").locator("tbody tr");
  const count = await body.count();
  expect(count).toBeGreaterThan(0);
  await expect(body.filter({ hasNotText: "Overdue" })).toHaveCount(0);
  const total = Number((await page.getByText(/^\d+–\d+ of \d+$/).textContent())!.split(" of ")[1]);
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^finding_id,item_id,title,severity,status,due_state,/);
  expect(lines).toHaveLength(total + 1);
  expect(lines.slice(1).every((line) => line.includes(",overdue,"))).toBe(true);
  await context.close();
});

test("the auditor reads the same finding and can change nothing", async ({ browser }) => {
  const { context, page } = await pageAs(browser, "auditor");
  await page.goto(findingUrl);
  await expect(page.getByRole("note")).toContainText("by Lee Lead");
  await expect(page.getByText(/Owner [^→]+ → Riley Reviewer/)).toBeVisible();
  for (const name of ["Save owner", "Accept the risk", "Move due date", "Add comment"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByText("You can read this finding; your role does not change findings.")).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("a member of another team sees none of it", async ({ browser }) => {
  const { email, password } = await makeUser("Identity Member", { identity: "lead" });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByText(email)).toBeVisible();
  expect((await page.goto(findingUrl))?.status()).toBe(404);
  await page.goto("/findings?team=payments&status=all");
  await expect(page.getByText("No findings match")).toBeVisible();
  await page.goto("/findings?status=all");
  await expect(page.getByRole("table").locator("tbody tr").filter({ hasText: "Payments" })).toHaveCount(0);
  await context.close();
});
