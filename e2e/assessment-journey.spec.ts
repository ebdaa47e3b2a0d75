// The journey, as a new user would take it: a reviewer walks a service
// through all twelve factors (one of them by keyboard alone), a lead returns
// it once, the reviewer fixes it, the lead approves, and findings follow.
import { expect, test, type Page } from "@playwright/test";
import { latestChecklist } from "../lib/checklist";
import { expectAccessible } from "./accessibility";
import { pageAs } from "./roles";

const SERVICE = "/services/payout-scheduler";
const factors = latestChecklist().factors;
const NOT_MET = factors[0]!.items[0]!.id; // F01-REPO-ACCESS
const PARTIAL = factors[2]!.items[1]!.id; // F03-ENV-VALIDATED
const NOT_APPLICABLE = factors[11]!.items.at(-1)!.id;
const KEYBOARD_FACTOR = 2;

const item = (page: Page, id: string) => page.locator(`article[id="${id}"]`);

async function allSaved(page: Page) {
  await expect(page.locator('[data-save-state="saving"], [data-save-state="pending"], [data-save-state="failed"]')).toHaveCount(0, { timeout: 15_000 });
}

async function answerWithMouse(page: Page, factor: number) {
  for (const { id } of factors[factor - 1]!.items) {
    const article = item(page, id);
    if (id === NOT_MET) await article.getByText("Not met", { exact: true }).click();
    else if (id === PARTIAL || id === NOT_APPLICABLE) {
      await article.getByText(id === PARTIAL ? "Partially met" : "Not applicable", { exact: true }).click();
      await article.getByLabel(/Justification/).fill(id === PARTIAL ? "Validated in production only." : "This service has no console at all.");
    } else await article.getByText("Met", { exact: true }).click();
  }
}

/** Tab to each item's status group and pick Met with the space bar: no mouse at all. */
async function answerWithKeyboard(page: Page, factor: number) {
  for (const { id } of factors[factor - 1]!.items) {
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) === `item-${id}-status`) break;
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("met");
    await page.keyboard.press("Space");
    await expect(item(page, id).getByRole("radio", { name: "Met", exact: true })).toBeChecked();
  }
}

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let assessmentUrl = "";

test("the reviewer walks all twelve factors, with evidence, and submits", async ({ browser }) => {
  const { context, page } = await pageAs(browser, "reviewer");
  await page.goto(SERVICE);
  await page.getByRole("button", { name: "Start an assessment" }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+\/factors\/1$/);
  assessmentUrl = page.url().replace(/\/factors\/1$/, "");
  await expect(page.getByRole("heading", { level: 2, name: "1. Codebase" })).toBeVisible();
  await expectAccessible(page);

  // Factor 1, with a link and a file on the first item.
  const first = item(page, NOT_MET);
  await first.getByLabel("Evidence links").fill("https://git.example.com/payments/payout-scheduler/-/settings/members");
  await first.getByLabel("Evidence links").press("Enter");
  await first
    .getByLabel("Attachments")
    .setInputFiles({ name: "access-review.txt", mimeType: "text/plain", buffer: Buffer.from("Members: 4 maintainers, base permission none.") });
  await first.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(first.getByRole("status").filter({ hasText: "Attached access-review.txt." })).toBeVisible();
  await answerWithMouse(page, 1);
  await allSaved(page);

  for (let factor = 2; factor <= 6; factor++) {
    await page.getByRole("link", { name: new RegExp(`^Next: ${factor}\\.`) }).click();
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${factor}\\.`) })).toBeVisible();
    if (factor === KEYBOARD_FACTOR) await answerWithKeyboard(page, factor);
    else await answerWithMouse(page, factor);
    await allSaved(page);
  }

  // Halfway: a note typed and the page reloaded at once, before any save could answer.
  await item(page, factors[5]!.items[0]!.id).getByLabel("Notes").fill("Checked the worker and the scheduler processes.");
  await page.reload();
  await expect(item(page, factors[5]!.items[0]!.id).getByLabel("Notes")).toHaveValue("Checked the worker and the scheduler processes.");
  await allSaved(page);
  await page.goto(`${assessmentUrl}/factors/1`);
  await expect(item(page, NOT_MET).getByRole("radio", { name: "Not met" })).toBeChecked();
  await expect(item(page, NOT_MET).getByRole("link", { name: /settings\/members/ })).toBeVisible();
  await expect(item(page, NOT_MET).getByRole("link", { name: "access-review.txt" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Factors" })).toContainText("Overall: 41 of 80 items done");

  for (let factor = 7; factor <= 12; factor++) {
    await page.goto(`${assessmentUrl}/factors/${factor}`);
    await answerWithMouse(page, factor);
    await allSaved(page);
  }
  await page.getByRole("link", { name: "Review and submit →" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Progress" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit for sign-off" }).click();
  // The page now shows the new state, and the reviewer can no longer change it.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submitted for sign-off");
  await expect(page.getByRole("button", { name: "Submit for sign-off" })).toHaveCount(0);
  await context.close();
});

test("the lead returns it with a comment; the reviewer fixes it; the lead approves", async ({ browser }) => {
  const { context: lead, page: leadPage } = await pageAs(browser, "lead");
  await leadPage.goto(assessmentUrl);
  await expectAccessible(leadPage);
  // A refused return keeps what the lead chose and wrote, and marks the field at fault.
  const comment = leadPage.getByLabel("Comment for the reviewers");
  await leadPage.getByRole("checkbox", { name: new RegExp(PARTIAL) }).check();
  await comment.fill("   ");
  await leadPage.getByRole("button", { name: "Return with comment" }).click();
  await expect(comment).toHaveAttribute("aria-invalid", "true");
  await expect(leadPage.getByText("Say what needs another look.").first()).toBeVisible();
  await expect(leadPage.getByRole("checkbox", { name: new RegExp(PARTIAL) })).toBeChecked();
  await comment.fill("Say which environments the validation covers.");
  await leadPage.getByRole("button", { name: "Return with comment" }).click();
  await expect(leadPage.getByRole("heading", { level: 1 })).toContainText("Draft");

  const { context: reviewer, page: page } = await pageAs(browser, "reviewer");
  await page.goto(`${assessmentUrl}/factors/3`);
  const partial = item(page, PARTIAL);
  await expect(partial.getByText("Returned by Lee Lead: Say which environments the validation covers.")).toBeVisible();
  await partial.getByLabel(/Justification/).fill("Validated in production and staging; development skips it by design.");
  await allSaved(page);
  await page.goto(assessmentUrl);
  await page.getByRole("button", { name: "Submit for sign-off" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submitted for sign-off");
  await reviewer.close();

  // The lead decides with the facts in view: the score approval freezes, the gaps with their reasons, the findings it opens.
  await leadPage.reload();
  const promised = (await leadPage.getByLabel(/^Score approval freezes: /).getAttribute("aria-label"))!.replace("Score approval freezes: ", "");
  expect(promised).toMatch(/^\d+(\.\d)?$/);
  const gaps = leadPage.getByRole("heading", { name: /^Gaps \(\d+\)$/ }).locator("xpath=ancestor::section[1]");
  await expect(gaps).toContainText(NOT_MET);
  await expect(gaps).toContainText("Validated in production and staging; development skips it by design.");
  const opens = Number(await leadPage.getByLabel("Findings approval opens or reopens").textContent());
  await expect(leadPage.getByRole("region", { name: `Opens: ${opens}` })).toContainText(NOT_MET);
  await expectAccessible(leadPage);
  await leadPage.screenshot({ path: "test-results/screenshots/sign-off.png", fullPage: true });
  await leadPage.getByRole("button", { name: "Approve" }).click();
  await expect(leadPage.getByRole("heading", { level: 1 })).toContainText("Completed");
  // What it showed is what it recorded.
  await expect(leadPage.getByText("Overall score").locator("..").getByLabel(`Score ${promised} of 100`)).toBeVisible();
  await expect(leadPage.getByRole("heading", { name: "What changed" })).toBeVisible();
  const trail = leadPage.locator("ol").filter({ hasText: "Started" });
  await expect(trail).toContainText("Returned");
  await expect(trail).toContainText("Say which environments the validation covers.");
  await expect(trail).toContainText("Approved");

  // Findings for the items not met and partially met; the service's score and history moved.
  await leadPage.goto(SERVICE);
  const findings = leadPage.getByRole("table", { name: "Unresolved findings of this service" });
  // One link per finding (the rows also hold each group's heading), as many as the page promised.
  await expect(findings.getByRole("link")).toHaveCount(opens);
  await expect(leadPage.getByRole("heading", { level: 2, name: `Unresolved findings (${opens})` })).toBeVisible();
  await expect(findings).toContainText(NOT_MET);
  await expect(findings).toContainText(PARTIAL);
  await expect(leadPage.getByRole("table", { name: "Assessments of this service" }).getByRole("row").nth(1)).toContainText("Completed");
  await expect(leadPage.getByText(/Last assessed \d/)).toBeVisible();
  await expectAccessible(leadPage);
  await lead.close();
});
