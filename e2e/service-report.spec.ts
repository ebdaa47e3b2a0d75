// A service's report, as its lead uses it: the unresolved findings grouped by
// severity or by factor, and one change applied to several of them at once.
// A team of its own, so the findings it changes are its own.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { makeTeam } from "./factories";
import { signIn } from "./roles";

test("a lead groups a service's findings and changes several at once; a refused change keeps the choice", async ({ page }) => {
  const name = `Report ${randomUUID().slice(0, 8)}`;
  const team = await makeTeam([
    {
      name,
      score: 58,
      findings: [
        { status: "open", severity: "critical", factor: 3 },
        { status: "open", severity: "high", factor: 3 },
        { status: "in_progress", severity: "high", factor: 5 },
        { status: "risk_accepted", severity: "low", factor: 11 },
        { status: "resolved", severity: "medium", factor: 5 },
      ],
    },
  ]);
  await signIn(page, team.lead.email, team.lead.password);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await page.goto(`/services/${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`);
  const findings = page.getByRole("heading", { level: 2, name: "Unresolved findings (4)" });
  await expect(findings).toBeVisible();

  // By severity (the default), then by factor: each group names its count.
  const groups = () => page.getByRole("heading", { level: 3 }).filter({ hasText: "·" });
  await expect(groups()).toHaveText(["Critical · 1", "High · 2", "Low · 1"]);
  await page.getByRole("button", { name: "Factor", exact: true }).click();
  await expect(page.getByRole("button", { name: "Factor", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(groups()).toHaveText([/^3\. .+ · 2$/, /^5\. .+ · 1$/, /^11\. .+ · 1$/]);
  await expectAccessible(page);

  // The whole of factor 3, and the in-progress one of factor 5.
  await page.getByLabel(/^Choose all 2 in 3\./).check();
  await page.getByLabel("Choose F05-FACTORY-2 Factory finding 2").check();
  const bulk = page.getByRole("form", { name: "Change the chosen findings" });
  await expect(bulk.getByText("3 findings chosen")).toBeVisible();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/service-report-lead-${width}.png`, fullPage: true });
  }

  // A due date in the past is refused: the choice and what was typed stay, and the field says why.
  await bulk.getByLabel("Change", { exact: true }).selectOption({ label: "Move the due date" });
  await bulk.getByLabel("Due on").fill("2020-01-31");
  await bulk.getByLabel("Reason").fill("Planned for the next release.");
  await bulk.getByRole("button", { name: "Apply to 3 findings" }).click();
  await expect(bulk.getByRole("alert")).toContainText("Choose a due date in the future.");
  await expect(bulk.getByLabel("Due on")).toHaveAttribute("aria-invalid", "true");
  await expect(bulk.getByLabel("Reason")).toHaveValue("Planned for the next release.");
  await expect(bulk.getByText("3 findings chosen")).toBeVisible();

  // The owner, for all three at once.
  await bulk.getByLabel("Change", { exact: true }).selectOption({ label: "Set the owner" });
  await bulk.getByLabel("Owner").selectOption({ label: team.lead.name });
  await bulk.getByRole("button", { name: "Apply to 3 findings" }).click();
  await expect(bulk.getByRole("status")).toHaveText("Changed 3 findings: owner set.");
  await expect(bulk.getByText("Tick findings below to change several at once.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: team.lead.name })).toHaveCount(3);

  // Each finding's history names the change.
  await page.getByRole("link", { name: "Factory finding 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Factory finding 2" })).toBeVisible();
  await expect(page.getByText(`Owner none → ${team.lead.name}`)).toBeVisible();
});
