// Every figure on the dashboard leads to the records it counts: the list it
// opens shows the same number. A team of its own, so no other spec moves the
// figures between the look and the click.
import { expect, test } from "@playwright/test";
import { makeTeam, type MadeTeam } from "./factories";
import { pageAs, signIn } from "./roles";

let team: MadeTeam;

test.beforeAll(async () => {
  team = await makeTeam([
    {
      name: "Figures",
      score: 64,
      findings: [
        { status: "open" },
        { status: "open", overdue: true },
        { status: "in_progress", overdue: true },
        { status: "risk_accepted" },
        { status: "resolved", overdue: true },
      ],
    },
  ]);
});

for (const [label, expected] of [
  ["Open findings", 3],
  ["Overdue findings", 2],
] as const) {
  test(`the dashboard's "${label}", clicked, lands on a list of as many findings`, async ({ page }) => {
    await signIn(page, team.lead.email, team.lead.password);
    const tile = page.getByRole("link", { name: new RegExp(`^${label}`) });
    await expect(tile.locator("div").first()).toHaveText(String(expected));
    await tile.click();
    await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
    await expect(page.getByText(`1–${expected} of ${expected}`, { exact: true })).toBeVisible();
  });
}

test("the period comparison's findings opened and resolved, clicked, land on lists of as many findings", async ({ page }) => {
  // Findings on fixed days and periods given in the address, so the figures do not depend on today's date.
  const dated = await makeTeam([
    {
      name: "Periods",
      score: 70,
      findings: [
        { status: "open", openedOn: "2025-12-31" },
        { status: "open", openedOn: "2026-01-01" },
        { status: "resolved", openedOn: "2026-02-20" },
        { status: "in_progress", openedOn: "2026-03-31" },
        { status: "resolved", openedOn: "2026-03-30" },
        { status: "open", openedOn: "2026-04-01" },
      ],
    },
  ]);
  await signIn(page, dated.lead.email, dated.lead.password);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  const dashboard = "/?aFrom=2026-01-01&aTo=2026-03-31&bFrom=2026-04-01&bTo=2026-06-30";
  // Opened in the first quarter: four (not the one of 31 December, nor the one of 1 April). Resolved in it: one (the other on 4 April).
  for (const [figure, expected] of [
    [/^\d+ findings opened, 1 Jan 2026/, 4],
    [/^\d+ findings resolved, 1 Jan 2026/, 1],
    [/^\d+ findings resolved, 1 Apr 2026/, 1],
  ] as const) {
    await page.goto(dashboard);
    const link = page.getByRole("link", { name: figure });
    await expect(link).toHaveText(String(expected));
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
    await expect(page.getByText(`1–${expected} of ${expected}`, { exact: true })).toBeVisible();
  }
});

test("a service's trend points lead to what they count: the assessment scored, and the findings unresolved that day", async ({ browser }) => {
  const { context, page } = await pageAs(browser, "lead");
  await page.goto("/services/checkout-api");
  // The first approval's day: what happened since (findings opened or resolved today) cannot move it.
  const unresolved = page.getByRole("region", { name: "Unresolved findings by severity at each approval: the numbers" });
  await page.getByText("Show the numbers").nth(1).click();
  const day = unresolved.getByRole("link", { name: /^\d+ unresolved as .+ ended$/ }).first();
  const count = Number((await day.getAttribute("aria-label"))!.split(" ")[0]);
  expect(count).toBeGreaterThan(0);
  await day.click();
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^1–\\d+ of ${count}$`))).toBeVisible();

  await page.goBack();
  await page.getByText("Show the numbers").first().click();
  const scores = page.getByRole("region", { name: "Score of each completed assessment: the numbers" });
  const first = scores.getByRole("row").nth(1);
  const score = (await first.getByRole("cell").nth(1).textContent())!.trim();
  await first.getByRole("link", { name: /^The assessment approved / }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Overall score", { exact: true })).toBeVisible();
  await expect(page.getByLabel(`Score ${score} of 100`).first()).toBeVisible();
  await context.close();
});
