// Every main page at a desktop's width and a phone's: screenshots to look at,
// and on the phone no sideways scrolling, with the navigation behind a menu.
import { expect, test } from "@playwright/test";
import { SECTIONS } from "../lib/navigation";
import { expectAccessible } from "./accessibility";
import { stateFile } from "./roles";

test.use({ storageState: stateFile("admin") });

for (const width of [1440, 390, 360]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const [name, section] of Object.entries(SECTIONS)) {
      test(`${section.href} fits the screen`, async ({ page }) => {
        await page.goto(section.href);
        await expect(page.getByRole("heading", { level: 1, name: section.title })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${section.href} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
        if (width !== 360) await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
      });
    }
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the navigation opens from the menu button, leads to a section and closes", async ({ page }) => {
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Findings", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await menu.click();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });
});
