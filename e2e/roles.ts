import { expect, type Page } from "@playwright/test";

export const ROLES = ["reviewer", "lead", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const stateFile = (role: Role) => `test-results/.auth/${role}.json`;
export const emailOf = (role: Role) => `${role}@demo.test`;

export function demoPassword(): string {
  const password = process.env.E2E_PASSWORD;
  if (!password) throw new Error("E2E_PASSWORD is not set: run end-to-end tests through `npm test`");
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
