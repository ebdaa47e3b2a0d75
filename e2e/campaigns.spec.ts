// A lead launches a campaign over their team's critical services; as each
// assessment is approved its progress moves, and it closes itself when the
// last one is. (A team of the spec's own, not the demo's, so that approving
// disturbs no other spec running beside it.)
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectAccessible } from "./accessibility";
import { makeTeam } from "./factories";
import { signIn } from "./roles";

test("a campaign over critical services shows progress as assessments are approved and closes itself", async ({ page }) => {
  const team = await makeTeam([
    { name: "Vault gateway", score: 70, tier: "critical", ready: "in_review" },
    { name: "Ledger core", score: 60, tier: "critical", ready: "in_review" },
    { name: "Status page", score: 90, tier: "low" },
  ]);
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  const submitted = (
    await db.query<{ id: string; name: string }>(
      "SELECT a.id, s.name FROM assessments a JOIN services s ON s.id = a.service_id WHERE s.team_id = $1 AND a.status = 'in_review' ORDER BY s.name",
      [team.id],
    )
  ).rows;
  await db.end();

  await signIn(page, team.lead.email, team.lead.password);
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Launch a campaign" }).click();
  await page.getByLabel("Name").fill("Critical services, Q1");
  await page.getByRole("checkbox", { name: team.name }).check();
  await page.getByRole("checkbox", { name: "Critical" }).check();
  await page.getByLabel("Deadline").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Launch campaign" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Critical services, Q1" })).toBeVisible();
  const services = page.getByRole("table", { name: "Services in the campaign" });
  await expect(services.getByRole("row")).toHaveCount(3); // the header and the two critical services; the low one is not a target
  await expect(page.getByLabel(`${team.name}: 0 of 2 approved`)).toBeVisible();
  await expect(page.getByTestId("campaign-state")).toHaveText("Open");
  await expectAccessible(page);
  const campaignUrl = page.url();

  for (const [index, assessment] of submitted.entries()) {
    await page.goto(`/assessments/${assessment.id}`);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
    await page.goto(campaignUrl);
    await expect(page.getByLabel(`${team.name}: ${index + 1} of 2 approved`)).toBeVisible();
    await expect(services.getByRole("row", { name: new RegExp(assessment.name) })).toContainText("Approved");
  }
  await expect(page.getByTestId("campaign-state")).toContainText("Completed");
  await page.goto("/campaigns");
  await expect(page.getByRole("row", { name: /Critical services, Q1/ })).toContainText("Completed");
  await expect(page.getByRole("row", { name: /Critical services, Q1/ })).toContainText("2 / 2");
});
