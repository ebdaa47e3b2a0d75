import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { makeUser } from "./factories";
import { expectSignedIn, signIn } from "./roles";

// Its own user, so that ending "every other session" touches no shared demo login.
test("a user changes their own password, and only the new one works afterwards", async ({ page }) => {
  const { email, password: first } = await makeUser("Own Password");

  await signIn(page, email, first);
  await expectSignedIn(page, email);
  await page.getByRole("link", { name: /Your account/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText("No access yet. Ask an administrator for a team role.")).toBeVisible();
  await expect(page.getByText("This session")).toBeVisible();
  await expectAccessible(page);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Change password" }) });
  const fill = async (current: string, next: string, again: string) => {
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password", { exact: true }).fill(next);
    await form.getByLabel("Repeat the new password").fill(again);
    await form.getByRole("button", { name: "Change password" }).click();
  };

  await fill(first, "the second passphrase", "the second passphrase, typo");
  await expect(form.getByText("The two new passwords differ.")).toBeVisible();

  await fill("a wrong current password", "the second passphrase", "the second passphrase");
  await expect(form.getByRole("alert")).toHaveText("Your current password was not accepted. Check it, or try again in a few minutes.");

  await fill(first, "the second passphrase", "the second passphrase");
  await expect(form.getByRole("status")).toHaveText("Password changed. You stay signed in here; every other session has ended.");
  await page.reload();
  await expect(page.getByRole("cell", { name: "Password changed", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Password change refused" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, first);
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
  await signIn(page, email, "the second passphrase");
  await expectSignedIn(page, email);
});
