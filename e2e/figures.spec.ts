// Every figure on the dashboard leads to the records it counts: the list it
// opens shows the same number. A team of its own, so no other spec moves the
// figures between the look and the click.
import { expect, test } from "@playwright/test";
import { makeTeam, type MadeTeam } from "./factories";
import { signIn } from "./roles";

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
