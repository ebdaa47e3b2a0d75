import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { chooseOwnPassword, signIn, stateFile } from "./roles";

/** A new user signs in elsewhere with the one-time password and chooses their own. */
async function firstSignIn(browser: Browser, email: string, password: string): Promise<Page> {
  const them = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(them, email, password);
  await chooseOwnPassword(them, password);
  await expect(them.getByText(email)).toBeVisible();
  return them;
}

test.describe("the admin manages users", () => {
  test.use({ storageState: stateFile("admin") });

  test("creates a user who can sign in, then disables them and their session ends", async ({ page, browser }) => {
    const email = `new.person.${Date.now()}@demo.test`;
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Name").fill("New Person");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Create user" }).click();
    const shown = page.getByRole("status").filter({ hasText: `Created ${email}` });
    await expect(shown).toBeVisible();
    const password = (await shown.locator("code").textContent())!.trim();
    await expect(page.getByRole("row", { name: new RegExp(`New Person.*${email.replace(/\./g, "\\.")}.*No access yet`) })).toBeVisible();

    // The new user signs in elsewhere and, with no team yet, sees nothing.
    // Two sign-ins and a password change (argon2 each time) on top of the admin's work.
    test.slow();
    const them = await firstSignIn(browser, email, password);
    await them.goto("/services");
    await expect(them.getByText("No services yet")).toBeVisible();

    // Disabled: their very next request is refused.
    await page.getByRole("button", { name: "Disable New Person" }).click();
    await expect(page.getByRole("button", { name: "Enable New Person" })).toBeVisible();
    await them.goto("/services");
    await expect(them).toHaveURL(/\/sign-in$/);
    await them.context().close();
  });

  test("rejects a malformed email with a message beside the field", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByLabel("Name").fill("Someone");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Email").evaluate((el) => el.removeAttribute("type")); // get past the browser's own check
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  });
});

test.describe("a lead", () => {
  test.use({ storageState: stateFile("lead") });
  test("cannot reach user management", async ({ page }) => {
    expect((await page.goto("/admin/users"))?.status()).toBe(404);
  });
});

test.describe("the admin grants access", () => {
  test.use({ storageState: stateFile("admin") });

  test("a team role takes effect on the user's next request", async ({ page, browser }) => {
    const email = `role.person.${Date.now()}@demo.test`;
    await page.goto("/admin/users");
    await page.getByLabel("Name").fill("Role Person");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Create user" }).click();
    const password = (await page
      .getByRole("status")
      .filter({ hasText: `Created ${email}` })
      .locator("code")
      .textContent())!.trim();

    // Two sign-ins and a password change (argon2 each time) on top of the admin's work.
    test.slow();
    const them = await firstSignIn(browser, email, password);

    await page.reload();
    await page
      .getByLabel("User", { exact: true })
      .first()
      .selectOption({ label: `Role Person (${email})` });
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Identity" });
    await page.getByLabel("Role", { exact: true }).selectOption("lead");
    await page.getByRole("button", { name: "Save team role" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Team role saved." })).toBeVisible();

    await them.goto("/services");
    await expect(them.getByRole("row", { name: /Auth Service/ })).toBeVisible();
    await expect(them.getByRole("row", { name: /Checkout API/ })).toHaveCount(0);
    await them.context().close();
  });

  test("an auditor grant needs a future expiry within a year", async ({ page }) => {
    await page.goto("/admin/users");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Grant read access" }) });
    await form.getByLabel("User").selectOption({ index: 1 });
    await form.getByLabel("Access ends after").fill("2020-01-01");
    await form.getByLabel("Reason").fill("Old audit");
    await form.getByRole("button", { name: "Grant read access" }).click();
    await expect(form.getByRole("alert")).toHaveText("Choose an expiry date in the future.");
  });
});
