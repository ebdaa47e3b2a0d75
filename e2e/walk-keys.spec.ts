// The walk by keyboard and in the compact view: 1 to 4 choose the status of the
// item the focus is in, J and K move between items, and the compact view keeps
// status and justification in view with the rest on demand.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { makeTeam, makeUser } from "./factories";
import { expectSignedIn, signIn } from "./roles";

test("a reviewer answers by keyboard shortcuts and reads the compact view", async ({ page }) => {
  const team = await makeTeam([{ name: "Keys", score: null }]);
  const reviewer = await makeUser("Keys Reviewer", { [team.slug]: "reviewer" });
  await signIn(page, reviewer.email, reviewer.password);
  await expectSignedIn(page, reviewer.email);
  await page.goto(`/services/keys?team=${team.slug}`);
  await page.getByRole("button", { name: "Start an assessment" }).click();
  await expect(page).toHaveURL(/\/factors\/1$/);
  await expect(page.getByText(/^Keys: 1 Met/)).toBeVisible();

  const items = page.locator("article[data-item]");
  await page.getByRole("heading", { level: 2, name: /^1\. / }).click();
  await page.keyboard.press("j");
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press("3");
  await expect(items.nth(0).getByRole("radio", { name: "Not met", exact: true })).toBeChecked();
  await page.keyboard.press("j");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("1");
  await expect(items.nth(1).getByRole("radio", { name: "Met", exact: true })).toBeChecked();
  await page.keyboard.press("k");
  await expect(items.nth(0)).toBeFocused();
  // Typing in a field is typing, not a shortcut.
  const justification = items.nth(0).getByLabel(/^Justification/);
  await justification.fill("");
  await justification.pressSequentially("j1");
  await expect(justification).toHaveValue("j1");
  await expect(items.nth(0).getByRole("radio", { name: "Not met", exact: true })).toBeChecked();

  await page.getByLabel("Compact view").check();
  await expect(items.nth(0).getByText("What good looks like", { exact: true })).toBeHidden();
  await expect(items.nth(0).getByText(/^Guidance: what good looks like/)).toBeVisible();
  await expect(items.nth(0).getByLabel(/^Justification/)).toBeVisible();
  await expect(items.nth(0).getByLabel("Notes")).toBeHidden();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel("Compact view")).toBeChecked();
  await page.getByLabel("Compact view").uncheck();
  await expect(items.nth(0).getByText("What good looks like", { exact: true })).toBeVisible();
});
