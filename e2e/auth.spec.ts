import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { demoPassword, emailOf, expectSignedIn, signIn, stateFile } from "./roles";

const GENERIC = "Sign-in failed. Check your email and password, or try again in a few minutes.";

test.describe("signed out", () => {
  test("every page sends a visitor to the sign-in page", async ({ page }) => {
    for (const path of ["/", "/services", "/findings", "/admin"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in$/);
    }
    await expect(page.getByRole("heading", { name: "Sign in to Twelvefold" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a wrong password and an unknown account get the same generic answer", async ({ page }) => {
    await signIn(page, emailOf("lead"), "certainly-not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: GENERIC })).toBeVisible();
    await signIn(page, "nobody-here@demo.test", "certainly-not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: GENERIC })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing out ends the session on the server, not only in the browser", async ({ page, browser }) => {
    await signIn(page, emailOf("reviewer"), demoPassword());
    await expectSignedIn(page, emailOf("reviewer"));
    const stolen = await page.context().storageState();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);

    // Replaying the old cookie, as someone who copied it would, gets nowhere.
    const replay = await browser.newContext({ storageState: stolen });
    const other = await replay.newPage();
    await other.goto("/services");
    await expect(other).toHaveURL(/\/sign-in$/);
    await replay.close();
  });
});

const IDENTITY_SERVICE = "Auth Service";
/** The team of each service the list shows (its second column). */
const teamsListed = (page: Page) => page.getByRole("table").locator("tbody tr td:nth-child(2)").allTextContents();
const PAYMENTS_SERVICE = "Checkout API";

for (const role of ["reviewer", "lead"] as const) {
  test.describe(`the demo ${role}`, () => {
    test.use({ storageState: stateFile(role) });
    test("sees only the services of the teams it belongs to, and no admin area", async ({ page }) => {
      await page.goto("/services");
      await expect(page.getByRole("row", { name: new RegExp(PAYMENTS_SERVICE) })).toBeVisible();
      await expect(page.getByRole("row", { name: /Deploy Pipeline/ })).toBeVisible();
      await expect(page.getByRole("row", { name: new RegExp(IDENTITY_SERVICE) })).toHaveCount(0);
      // Only services of the two teams it belongs to, whatever other specs add elsewhere.
      expect(new Set(await teamsListed(page))).toEqual(new Set(["Payments", "Platform"]));
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
      const response = await page.goto("/admin");
      expect(response?.status()).toBe(404);
    });
  });
}

test.describe("the demo auditor", () => {
  test.use({ storageState: stateFile("auditor") });
  test("reads every team's services under its grant, and has no admin area", async ({ page }) => {
    await page.goto("/services");
    await expect(page.getByRole("row", { name: new RegExp(IDENTITY_SERVICE) })).toBeVisible();
    for (const team of ["Identity", "Payments", "Platform"]) expect(await teamsListed(page)).toContain(team);
    expect((await page.goto("/admin"))?.status()).toBe(404);
  });
});

test.describe("the demo admin", () => {
  test.use({ storageState: stateFile("admin") });
  test("reaches the admin area", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  });
});
