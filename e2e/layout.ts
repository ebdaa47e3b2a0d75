// Layout checks shared by specs: a page at a desktop's width and a phone's,
// with screenshots to look at and no sideways scrolling at any width.
import { expect, type Page } from "@playwright/test";

export const WIDTHS = [1440, 390, 360] as const;
/** Widths whose screenshots are kept for review; 360 is checked for overflow only. */
const PICTURED: readonly number[] = [1440, 390];

export async function fitsEveryWidth(page: Page, name: string, href: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Layout settles after a resize (charts measure their box again) before it is measured.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
        message: `${href} scrolls sideways at ${width} px`,
      })
      .toBeLessThanOrEqual(0);
    if (PICTURED.includes(width)) await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
  }
}
