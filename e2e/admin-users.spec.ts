import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { signIn, stateFile } from "./roles";

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
    const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const them = await theirs.newPage();
    await signIn(them, email, password);
    await expect(them.getByText(email)).toBeVisible();
    await them.goto("/services");
    await expect(them.getByText("No services yet")).toBeVisible();

    // Disabled: their very next request is refused.
    await page.getByRole("button", { name: "Disable New Person" }).click();
    await expect(page.getByRole("button", { name: "Enable New Person" })).toBeVisible();
    await them.goto("/services");
    await expect(them).toHaveURL(/\/sign-in$/);
    await theirs.close();
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
