import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The rules whose outcome depends on the colours alone: all that changes between a light and a dark scheme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Fails on any serious or critical violation of WCAG 2.2 AA on the current page,
 * checked with every disclosure open, so that what they hide (the numbers
 * behind a chart, a form to edit) is checked too. `coloursOnly` runs just the
 * rules that colours decide, for a page already checked whole in another scheme.
 */
export async function expectAccessible(page: Page, { coloursOnly = false } = {}) {
  // Opened for the check and closed again after it, so the page is left as the test had it.
  const opened = await page.evaluate(() => {
    const closed = [...document.querySelectorAll("details")].filter((details) => !details.open);
    for (const details of closed) {
      details.dataset.openedForCheck = "";
      details.open = true;
    }
    return closed.length;
  });
  // Colours are measured once they have settled: a link's colour transition (after a change of
  // colour scheme, or a hover) caught half-way reads as a contrast failure that no user sees for long.
  // (Endless ones, such as a loading placeholder's pulse, are left alone.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  const { violations } = await (coloursOnly ? axe.withRules(COLOUR_RULES) : axe).analyze();
  if (opened) {
    await page.evaluate(() => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>("details[data-opened-for-check]")) {
        delete details.dataset.openedForCheck;
        details.open = false;
      }
    });
  }
  const blocking = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(blocking, blocking.join("\n")).toEqual([]);
}
