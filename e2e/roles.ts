import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const ROLES = ["reviewer", "lead", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const stateFile = (role: Role) => `test-results/.auth/${role}.json`;
/** A new browser context signed in as the demo's person of that role, and a page in it. */
export async function pageAs(browser: Browser, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: stateFile(role) });
  return { context, page: await context.newPage() };
}

export const emailOf = (role: Role) => `${role}@demo.test`;

export function demoPassword(): string {
  const password = process.env.E2E_PASSWORD;
  if (!password) throw new Error("E2E_PASSWORD is not set: the global set-up (e2e/global-setup.ts) sets it");
  return password;
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function expectSignedIn(page: Page, email: string) {
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * After signing in with an administrator's one-time password: the app holds the
 * user on their account page until they choose their own, then lets them on.
 */
export async function chooseOwnPassword(page: Page, oneTime: string, chosen = "a passphrase of their own choosing") {
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("alert").filter({ hasText: "one-time password" })).toBeVisible();
  await page.goto("/services");
  await expect(page).toHaveURL(/\/account$/);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Change password" }) });
  await form.getByLabel("Current password").fill(oneTime);
  await form.getByLabel("New password", { exact: true }).fill(chosen);
  await form.getByLabel("Repeat the new password").fill(chosen);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText(/Password changed/);
  // Now the rest of the app is theirs, as far as their roles go.
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
}
