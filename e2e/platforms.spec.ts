// Platforms, as a service team would use them: a reviewer says their service
// runs on the demo's secret store, sees what it covers and the platform's
// answers, keeps one item as the service's own, and the service's current
// posture shows beside its approved score.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectAccessible } from "./accessibility";
import { makeTeam, makeUser } from "./factories";
import { fitsEveryWidth } from "./layout";
import { expectSignedIn, signIn, stateFile } from "./roles";

test.setTimeout(120_000);

test("a reviewer puts a service on a platform, keeps one item as its own, and sees its posture now beside the approved score", async ({ page }) => {
  const team = await makeTeam([{ name: "Rides On Secrets", score: 100, approved: true }]);
  const reviewer = await makeUser("Platform Chooser", { [team.slug]: "reviewer" });
  await signIn(page, reviewer.email, reviewer.password);
  await expectSignedIn(page, reviewer.email);
  await page.goto(`/services/rides-on-secrets?team=${team.slug}`);
  await expect(page.getByText("Runs on no platform Twelvefold knows of.")).toBeVisible();
  await page.getByLabel("Runs on a platform").selectOption({ label: "Secrets Broker (Secret store, Platform)" });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const use = page.getByRole("region", { name: "Runs on Secrets Broker" });
  await expect(use).toBeVisible();
  await expect(use.getByLabel(/F03-SECRET-STORE/)).toHaveValue("inherited");
  await use.getByLabel(/F03-ROTATION/).selectOption("own");
  await use.getByRole("button", { name: "Save how it takes them" }).click();
  await expect(use.getByRole("status")).toHaveText("Saved; the score follows.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Runs on Secrets Broker" }).getByLabel(/F03-ROTATION/)).toHaveValue("own");
  // On a platform, the service has a current score of its own: its approved answers with the secret store's applied.
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  const [row] = (
    await db.query<{ latest: number; current: number | null }>("SELECT latest_score AS latest, current_score AS current FROM services WHERE team_id = $1", [
      team.id,
    ])
  ).rows;
  await db.end();
  expect(row!.current).not.toBeNull();
  // Shown beside the approved score where the platform's answers move it.
  await expect(page.getByText("Now, with its platforms' answers")).toHaveCount(row!.current === row!.latest ? 0 : 1);
  await expectAccessible(page);
  await fitsEveryWidth(page, "service-platforms", page.url());
  await page.getByRole("button", { name: "Stop running on Secrets Broker" }).click();
  await expect(page.getByText("Runs on no platform Twelvefold knows of.")).toBeVisible();
});

test.describe("the dashboard as of a day", () => {
  test.use({ storageState: stateFile("lead") });

  test("shows the portfolio at an audit period's end, refuses a day to come, and goes back to today", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("As of").fill("2026-06-30");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/[?&]asOf=2026-06-30/);
    await expect(page.getByText("As at the end of 2026-06-30 (UTC)")).toBeVisible();
    // The figures of that day link to no list (the lists are of today); the portfolio report is of that day.
    await expect(page.getByRole("link", { name: /Services assessed/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Export portfolio PDF as of 2026-06-30" })).toBeVisible();
    await expect(page.getByText("Stale evidence")).toHaveCount(0);
    await expectAccessible(page);
    await fitsEveryWidth(page, "dashboard-as-of", "/?asOf=2026-06-30");
    await page.goto("/?asOf=2999-01-01");
    await expect(page.getByRole("alert").filter({ hasText: "The day is still to come; choose today or a day before it." })).toBeVisible();
    await page.getByRole("link", { name: "Back to today" }).click();
    await expect(page.getByText("Stale evidence")).toBeVisible();
    // A service's report takes the day too.
    await page.goto("/services/checkout-api");
    await page.getByLabel("As of").fill("2026-06-30");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByText("as at the end of 2026-06-30 (UTC)", { exact: false })).toBeVisible();
    await expect(page.getByText("Open past their due date, as 2026-06-30 ended")).toBeVisible();
    await expectAccessible(page);
  });
});
