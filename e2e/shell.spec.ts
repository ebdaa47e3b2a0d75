import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { makeTeam } from "./factories";
import { signIn, stateFile } from "./roles";
import { SECTIONS } from "../lib/navigation";

// The admin reads the whole organisation and reaches every section.
test.use({ storageState: stateFile("admin") });

test("the demo portfolio shows real scores, Twelvefold's own among them", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Twelvefold" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  const heatmap = page.getByRole("table", { name: /Latest score of each service/ });
  await expect(heatmap.getByRole("row", { name: /Checkout API/ }).getByLabel(/^Score \d+(\.\d)? of 100$/)).toBeVisible();
  await expect(heatmap.getByRole("row", { name: /Twelvefold/ }).getByLabel("Score 63.1 of 100")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/dashboard.png", fullPage: true });
});

test.describe("a lead of a new team", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("sees each of the team's services on the portfolio, assessed ones by score, lowest first", async ({ page }) => {
    const team = await makeTeam([
      { name: "Ledger", score: 71 },
      { name: "Vault", score: 38 },
      { name: "Inbox", score: null },
    ]);
    await signIn(page, team.lead.email, team.lead.password);
    await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
    await expect(page.getByText("2 of 3")).toBeVisible();
    await expect(page.getByText("1 never assessed")).toBeVisible();
    const heatmap = page.getByRole("table", { name: /Latest score of each service/ });
    // A name, twelve factors and the overall score; the two assessed services after the header row.
    await expect(heatmap.getByRole("columnheader")).toHaveCount(14);
    await expect(heatmap.getByRole("row")).toHaveCount(3);
    await expect(heatmap.getByRole("row", { name: /Vault/ }).getByLabel("Score 38 of 100").first()).toBeVisible();
    const overall = await heatmap.locator("tbody tr td:first-of-type").evaluateAll((cells) => cells.map((cell) => Number(cell.textContent?.trim())));
    expect(overall).toEqual([38, 71]);

    // Sorted by review due: the service never assessed is due now, first.
    await page.goto("/services?sort=due");
    const first = page
      .getByRole("table", { name: /^Services/ })
      .getByRole("row")
      .nth(1);
    await expect(first).toContainText("Inbox");
    await expect(first).toContainText("Review due now");
  });
});

test("the main navigation reaches every section", async ({ page }) => {
  const [unassessed, underWay] = [`Unassessed ${randomUUID().slice(0, 8)}`, `Under way ${randomUUID().slice(0, 8)}`];
  await makeTeam([
    { name: unassessed, score: null },
    { name: underWay, score: 55, draft: true },
  ]);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Services" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("row", { name: new RegExp(`${unassessed}.*Never`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${underWay}.*assessment in progress`) })).toBeVisible();

  await nav.getByRole("link", { name: "Findings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  // Soonest due first: the demo data has overdue findings, and they lead.
  await expect(
    page
      .getByRole("table", { name: /^Findings, sorted by due/ })
      .getByRole("row")
      .nth(1),
  ).toContainText("Overdue");

  await nav.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByText(/v1\.0\.0 · Twelve-Factor security addendum checklist/)).toBeVisible();
  await expect(page.getByText(/80 items · used by \d+ assessments/)).toBeVisible();
});

test("the colour theme can be chosen with the keyboard and is remembered", async ({ page }) => {
  await page.goto("/services");
  const trigger = page.getByRole("button", { name: /Colour theme/ });
  await trigger.focus();
  await page.keyboard.press("Enter");
  // The open menu is checked too.
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("menuitemradio", { name: "Dark" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Colour theme: Dark" })).toBeVisible();
});

test("an unknown address shows a helpful not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the dashboard" })).toBeVisible();
});

// Every section the navigation leads to, reached through the navigation itself:
// checked whole in the light scheme, then in the dark one for what colours decide.
for (const { href, label, title } of Object.values(SECTIONS)) {
  test(`${href} has no serious or critical violations, light or dark`, async ({ page }) => {
    // Two axe runs over a page of hundreds of links (the dashboard's heatmap) outlast the default 30 s on a loaded machine.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(href === "/" ? "/services" : "/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(href);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
    await expectAccessible(page, { coloursOnly: true });
  });
}
