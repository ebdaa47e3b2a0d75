// An auditor takes an assessment report out of the tool and proves later that
// it was not edited: the unaltered file verifies, one flipped byte does not.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { stateFile } from "./roles";

test.use({ storageState: stateFile("auditor") });

test("the auditor downloads an assessment PDF and verifies it; an altered copy is unknown", async ({ page }) => {
  await page.goto("/services/ledger-service");
  await page.getByRole("table", { name: "Assessments of this service" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PDF report" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^twelvefold-ledger-service-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verify an export" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("The exported file").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: bytes });
  await page.getByRole("button", { name: "Verify" }).click();
  const verified = page.getByRole("status").filter({ hasText: "Verified: an unaltered Twelvefold export." });
  await expect(verified).toBeVisible();
  await expect(verified).toContainText("Assessment report (PDF) · Assessment of Ledger Service");
  await expect(verified).toContainText("Avery Auditor <auditor@demo.test>");
  await expectAccessible(page);

  const altered = Buffer.from(bytes);
  const middle = Math.floor(altered.length / 2);
  altered[middle] = altered[middle]! ^ 0x01;
  await page.getByLabel("The exported file").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: altered });
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unknown: not an unaltered Twelvefold export you can see." })).toBeVisible();

  // The same check as a route, for scripts.
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const answer = await (await page.request.get(`/verify/${sha256}`)).json();
  expect(answer).toMatchObject({ sha256, status: "verified", kind: "Assessment report (PDF)", exportedBy: "Avery Auditor <auditor@demo.test>" });
});

test("the auditor asks for the portfolio report, follows its progress, downloads it, and it verifies too", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByRole("button", { name: "Export portfolio PDF" }).click();
  // The worker process makes it; the page follows its progress.
  await expect(page).toHaveURL(/\/exports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio report (PDF)" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("heading", { name: "Your report is ready" })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toHaveAttribute("aria-valuenow", "100");
  await page.screenshot({ path: "test-results/screenshots/portfolio-export-ready.png", fullPage: true });
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the report" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^twelvefold-portfolio-all-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await expect(page.getByText(sha256)).toBeVisible();

  // It waits under Your exports, beside the others.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your exports" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Download ${download.suggestedFilename()}` }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/your-exports.png", fullPage: true });
  await expectAccessible(page);

  await page.goto("/verify");
  await page.getByLabel("The exported file").setInputFiles({ name: "portfolio.pdf", mimeType: "application/pdf", buffer: bytes });
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Verified: an unaltered Twelvefold export." })).toContainText("Portfolio report (PDF)");
});
