// Single sign-on against a real OIDC issuer (oidc-provider) that `npm test`
// starts on loopback. Its login page takes the account id as the login.
import { expect, test, type Page } from "@playwright/test";
import { groupsControlPath } from "../tests/oidc-issuer";
import { expectAccessible } from "./accessibility";
import { stateFile } from "./roles";

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

test("a user signs in with groups and lands with the mapped roles; a group removed at the issuer removes the role at the next sign-in", async ({
  browser,
  page,
}) => {
  const group = `e2e-payments-reviewers-${Date.now().toString(36)}`;
  const setGroups = async (groups: string[]) => {
    const response = await fetch(`${process.env.E2E_OIDC_ISSUER}${groupsControlPath("sso-grouped")}`, { method: "PUT", body: JSON.stringify(groups) });
    expect(response.status).toBe(204);
  };
  // The admin maps the group on the identity page.
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/identity");
  await expect(adminPage.getByText('Groups are read from the "groups" claim at each sign-in.')).toBeVisible();
  await expectAccessible(adminPage);
  const form = adminPage.getByRole("form", { name: "New group mapping" });
  await form.getByLabel("Group").fill(group);
  await form.getByLabel("Team").selectOption({ label: "Payments" });
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByRole("button", { name: "Map group" }).click();
  await expect(form.getByRole("status")).toHaveText("Mapped. Members get it at their next sign-in.");
  await expect(adminPage.getByRole("row", { name: new RegExp(`${group} Reviewer of Payments`) })).toBeVisible();
  await admin.close();

  await setGroups(["unrelated-group", group]);
  await signInWithSso(page, "sso-grouped");
  await expect(page.getByText("sso.grouped@demo.test")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText(/Reviewer in Payments/)).toBeVisible();
  await page.goto("/services");
  await expect(page.getByRole("row", { name: /Checkout API/ })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  // Removed from the group at the issuer; the next sign-in (a new browser, so the issuer asks again) follows.
  await setGroups(["unrelated-group"]);
  const later = await browser.newContext();
  const next = await later.newPage();
  await signInWithSso(next, "sso-grouped");
  await expect(next.getByText("sso.grouped@demo.test")).toBeVisible();
  await next.goto("/services");
  await expect(next.getByText("No services yet")).toBeVisible();
  await later.close();
});
