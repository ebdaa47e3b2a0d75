import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { emailOf, signIn, stateFile, pageAs } from "./roles";

test.describe("the admin browses the audit trail", () => {
  test.use({ storageState: stateFile("admin") });

  test("finds a failed sign-in by its actor, with its details", async ({ page, browser }) => {
    const stranger = `stranger.${Date.now()}@demo.test`;
    const elsewhere = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await signIn(await elsewhere.newPage(), stranger, "not a password at all");
    await elsewhere.close();

    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await expect(page.getByText("You see the whole organisation.")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Actor").fill(stranger);
    await page.getByLabel("Category").selectOption("security");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(stranger).replace(/\./g, "\\.")}`));
    const row = page.getByRole("row", { name: new RegExp(`auth\\.sign_in_failed.*${stranger.replace(/\./g, "\\.")}`) });
    await expect(row).toHaveCount(1);
    await row.getByText(/Event #\d+/).click();
    await expect(row.getByText('"reason": "unknown_account"')).toBeVisible();
    await expectAccessible(page);
  });

  test("sees a lead's refused visit to the admin area", async ({ page, browser }) => {
    const { context: lead, page: leadPage } = await pageAs(browser, "lead");
    expect((await leadPage.goto("/admin/teams"))?.status()).toBe(404);
    await lead.close();

    await page.goto(`/audit?action=access.refused&actor=${encodeURIComponent(emailOf("lead"))}&target=page`);
    await expect(page.getByRole("row", { name: /access\.refused.*lead@demo\.test.*\/admin\/teams/ }).first()).toBeVisible();
  });

  test("explains filters it cannot use instead of failing", async ({ page }) => {
    const response = await page.goto("/audit?from=2026-02-30&before=not-a-page");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "These filters cannot be used" });
    await expect(alert).toContainText("From:");
    await expect(alert).toContainText("Page: Not a page of this trail.");
  });
});

test.describe("a lead", () => {
  test.use({ storageState: stateFile("lead") });
  test("browses only the trail of the teams it leads", async ({ page }) => {
    await page.goto("/audit");
    await expect(page.getByText("You see the events of the teams you lead or audit.")).toBeVisible();
    const teams = await page.getByLabel("Team").locator("option").allTextContents();
    expect(teams.sort()).toEqual(["All teams in view", "Payments", "Platform"].sort());
    await expect(page.getByRole("cell", { name: "auth.sign_in", exact: true })).toHaveCount(0);
  });
});

test.describe("a reviewer", () => {
  test.use({ storageState: stateFile("reviewer") });
  test("has no audit trail", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" })).toHaveCount(0);
    expect((await page.goto("/audit"))?.status()).toBe(404);
  });
});
