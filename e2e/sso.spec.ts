// Single sign-on against a real OIDC issuer (oidc-provider) that `npm test`
// starts on loopback. Its login page takes the account id as the login.
import { expect, test, type Page } from "@playwright/test";

async function signInWithSso(page: Page, accountId: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await page.locator('input[name="login"]').fill(accountId);
  await page.locator('input[name="password"]').fill("any password: the test issuer does not check it");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a new SSO user gets an account with no access until an admin grants some", async ({ page }) => {
  await signInWithSso(page, "sso-newcomer");
  await expect(page.getByText("sso.newcomer@demo.test")).toBeVisible();
  await page.goto("/services");
  await expect(page.getByText("No services yet")).toBeVisible();
});

test("an SSO identity with a verified email signs in to the existing account of that email", async ({ page }) => {
  await signInWithSso(page, "sso-lead");
  await expect(page.getByText("lead@demo.test")).toBeVisible();
  await page.goto("/services");
  await expect(page.getByRole("row", { name: /Checkout API/ })).toBeVisible();
});

test("an unverified email cannot take over an account", async ({ page }) => {
  await signInWithSso(page, "sso-unverified");
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in did not complete" })).toBeVisible();
  await expect(page.getByText("admin@demo.test")).toHaveCount(0);
});
