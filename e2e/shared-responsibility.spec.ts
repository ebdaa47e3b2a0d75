// Shared responsibility, as the people would do it: a reviewer assigns a factor
// to the service's owner; the owner finds it in their tasks and attests it; the
// reviewer validates most answers and sends one back with a comment; the owner
// fixes it; the reviewer agrees and submits; the lead approves; the PDF says who
// attested and who validated each answer.
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { latestChecklist } from "../lib/checklist";
import { pdfText } from "../tests/integration/pdf";
import { expectAccessible } from "./accessibility";
import { makeTeam, makeUser, type MadeUser } from "./factories";
import { signIn, stateFile } from "./roles";
import { fitsEveryWidth } from "./layout";

const FACTOR = 6;
const items = latestChecklist().factors[FACTOR - 1]!.items.map((i) => i.id);
const SENT_BACK = items[1]!;
const COMMENT = "Link the process manager's config that shows this.";

test.setTimeout(240_000);

async function as(browser: Browser, person: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, person.email, person.password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

const item = (page: Page, id: string) => page.locator(`article[id="${id}"]`);
const allSaved = (page: Page) =>
  expect(page.locator('[data-save-state="saving"], [data-save-state="pending"], [data-save-state="failed"]')).toHaveCount(0, { timeout: 15_000 });

test("an owner attests a factor, security validates and sends one back, the owner fixes it, the lead approves; the PDF names both", async ({ browser }) => {
  const team = await makeTeam([{ name: "Owned Queue", score: null, ready: "draft", openFactor: FACTOR }]);
  const reviewer: MadeUser = await makeUser("Rhea Validator", { [team.slug]: "reviewer" });
  const owner: MadeUser = await makeUser("Otto Engineer", { [team.slug]: "owner" });

  // The reviewer asks the owner to answer factor 6.
  const security = await as(browser, reviewer);
  await security.goto(`/services/owned-queue?team=${team.slug}`);
  await security.getByRole("link", { name: "Continue the assessment" }).click();
  await expect(security).toHaveURL(/\/assessments\/[0-9a-f-]+/);
  const assessmentUrl = security
    .url()
    .replace(/\/factors\/\d+$/, "")
    .replace(/[#?].*$/, "");
  await security.goto(`${assessmentUrl}/factors/${FACTOR}`);
  await security.getByLabel("Who answers this factor").selectOption({ label: "Otto Engineer (Service owner)" });
  await security.getByRole("button", { name: "Assign" }).click();
  await expect(security.getByRole("status").filter({ hasText: `Assigned ${items.length} items.` })).toBeVisible();

  // The owner finds it in their tasks and attests every item.
  const engineer = await as(browser, owner);
  await engineer.goto("/work");
  await expect(engineer.getByRole("heading", { name: "Items to answer (1)" })).toBeVisible();
  await expectAccessible(engineer);
  await engineer.getByRole("link", { name: /Owned Queue: 6\. / }).click();
  for (const id of items) await item(engineer, id).getByText("Met", { exact: true }).click();
  await allSaved(engineer);
  await expect(engineer.getByRole("button", { name: "Submit for sign-off" })).toHaveCount(0);

  // Security validates all but one, and sends that one back.
  await security.reload();
  await expect(item(security, items[0]!).getByText("Awaiting validation")).toBeVisible();
  await expectAccessible(security);
  for (const id of items.filter((i) => i !== SENT_BACK)) {
    await item(security, id)
      .getByRole("button", { name: `Agree with the answer to ${id}` })
      .click();
    await expect(item(security, id).getByText("Validated", { exact: true })).toBeVisible();
  }
  const back = item(security, SENT_BACK);
  await back.getByText("Send back with a comment").click();
  await back.getByLabel("What should the owner change?").fill(COMMENT);
  await back.getByRole("button", { name: "Send back" }).click();
  await expect(back.getByRole("note")).toContainText(COMMENT);

  // The owner sees it sent back, and answers again with what was asked for.
  await engineer.goto("/work");
  await expect(engineer.getByRole("row", { name: /Owned Queue: 6\./ })).toContainText("1 sent back");
  await engineer.getByRole("link", { name: /Owned Queue: 6\. / }).click();
  await expect(item(engineer, SENT_BACK).getByRole("note")).toContainText(COMMENT);
  await item(engineer, SENT_BACK)
    .getByLabel(/Justification/)
    .fill("Supervisor config: https://git.example.com/ops/owned-queue/supervisor.conf");
  await allSaved(engineer);

  // Security agrees and submits; the lead approves.
  await security.reload();
  await expect(item(security, SENT_BACK).getByText("Awaiting validation")).toBeVisible();
  await item(security, SENT_BACK)
    .getByRole("button", { name: `Agree with the answer to ${SENT_BACK}` })
    .click();
  await expect(item(security, SENT_BACK).getByText("Validated", { exact: true })).toBeVisible();
  await security.goto(assessmentUrl);
  await expect(security.getByRole("heading", { name: "Validation" })).toBeVisible();
  await security.getByRole("button", { name: "Submit for sign-off" }).click();
  await expect(security.getByRole("heading", { level: 1 })).toContainText("Submitted for sign-off");

  const lead = await as(browser, team.lead);
  await lead.goto(assessmentUrl);
  await lead.getByRole("button", { name: "Approve" }).click();
  await expect(lead.getByRole("heading", { level: 1 })).toContainText("Completed");
  const [download] = await Promise.all([lead.waitForEvent("download"), lead.getByRole("button", { name: "Download PDF report" }).click()]);
  const { text } = await pdfText(await readFile((await download.path())!));
  const squeeze = (s: string) => s.replace(/\s+/g, "");
  expect(text).toContain(squeeze(`${SENT_BACK}`));
  expect(text).toContain(squeeze("Attested by Otto Engineer on"));
  expect(text).toContain(squeeze("validated by Rhea Validator on"));
});

test.describe("the demo's draft, as its reviewer", () => {
  test.use({ storageState: stateFile("reviewer") });

  test("the validation card, the sample form and the owner's answers waiting fit every width and pass axe", async ({ page }) => {
    await page.goto("/services/checkout-api");
    await page.getByRole("link", { name: "Continue the assessment" }).click();
    await expect(page.getByRole("heading", { name: "Validation" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Draw the sample" })).toBeVisible();
    await expectAccessible(page);
    await fitsEveryWidth(page, "assessment-validation", page.url());
    await page.goto(`${page.url()}/factors/6`);
    await expect(page.getByText("Awaiting validation").first()).toBeVisible();
    await expect(page.getByRole("note").first()).toContainText("Sent back by Riley Reviewer");
    await expectAccessible(page);
    await fitsEveryWidth(page, "factor-validation", page.url());
  });
});
