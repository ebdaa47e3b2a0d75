// A re-assessment in which nothing changed, walked as a reviewer would.
// Answers that held at the last approval, to items that have not changed and
// that no newer machine suggestion contradicts, are kept as confirmed and
// validated; nothing is asked again, so the walk is start, review, submit. It
// prints its clicks and keystrokes; one item at a time it took 122 clicks and
// 1,436 keystrokes, and factor by factor (one confirmation each) 26 clicks.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { makeTeam, makeUser } from "./factories";
import { expectSignedIn, signIn } from "./roles";

test.setTimeout(180_000);

test("a re-assessment with nothing changed asks nothing again and is submitted in a handful of actions", async ({ page }) => {
  const team = await makeTeam([{ name: "Unchanged", score: 100, approved: true }]);
  const reviewer = await makeUser("Unchanged Reviewer", { [team.slug]: "reviewer" });
  await signIn(page, reviewer.email, reviewer.password);
  await expectSignedIn(page, reviewer.email);

  let clicks = 0;
  const click = async (target: ReturnType<Page["getByRole"]>) => {
    clicks++;
    await target.click();
  };
  await page.goto(`/services/unchanged?team=${team.slug}`);
  await click(page.getByRole("button", { name: "Start an assessment" }));
  await expect(page).toHaveURL(/\/factors\/1$/);
  await expect(page.getByRole("heading", { level: 2, name: /^1\. / })).toBeVisible();
  // Nothing to confirm: every answer stands as it was validated.
  await expect(page.getByRole("button", { name: /^Confirm all/ })).toHaveCount(0);
  await expect(page.getByText("Carried over, confirm")).toHaveCount(0);
  await expectAccessible(page);
  await click(page.getByRole("link", { name: "Overview and sign-off" }));
  await expect(page.getByText("80 of 80 items done", { exact: false })).toBeVisible();
  await click(page.getByRole("button", { name: "Submit for sign-off" }));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submitted for sign-off");
  // Nothing was typed (the walk above has no fill or keyboard step): every answer stood.
  console.log(
    `Re-assessment with nothing changed: ${clicks} clicks, 0 keystrokes (factor by factor: 26 clicks; one item at a time: 122 clicks, 1,436 keystrokes).`,
  );
  expect(clicks).toBeLessThanOrEqual(3);
});
