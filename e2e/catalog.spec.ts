// Onboarding from the catalogue, as an admin does it: upload the demo
// catalogue (public/examples/catalog), read the preview, apply it, find the
// services under their teams; then a second sync after a rename and a removal
// updates in place and marks the removed one missing. Last, the command line
// puts the catalogue back with an integration token made on the page, and the
// example CSV file imports the same way.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectAccessible } from "./accessibility";
import { stateFile } from "./roles";

const run = promisify(execFile);
const DEMO = path.resolve("public/examples/catalog");

test.describe.configure({ mode: "serial" });
test.use({ storageState: stateFile("admin") });

// A retry starts from the catalogue as the seed left it: no service linked to it, none made by it.
test.beforeAll(async () => {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query("DELETE FROM services s WHERE catalog_ref IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.service_id = s.id)");
    await db.query(
      "UPDATE services SET catalog_ref = NULL, catalog_uid = NULL, catalog_info = NULL, catalog_missing_since = NULL WHERE catalog_ref IS NOT NULL",
    );
  } finally {
    await db.end();
  }
});

async function upload(page: Page, folder: string) {
  await page.goto("/admin/catalog");
  const sync = page.getByRole("form", { name: "Catalogue upload" });
  await sync.getByLabel("A folder (every catalog-info.yaml in it)").check();
  await sync.getByLabel("Folder", { exact: true }).setInputFiles(folder);
  await sync.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toBeVisible();
  return preview;
}

test("an admin uploads the demo catalogue, reads the preview, and applies it: the services appear under their teams", async ({ page }) => {
  const preview = await upload(page, DEMO);
  await expect(preview.getByText("3 to create, 3 to update, 0 to mark missing from the catalogue, 0 unchanged, 1 of other kinds passed over.")).toBeVisible();
  const created = preview.getByRole("table", { name: "Services to create" });
  await expect(created.getByRole("row", { name: /Refund Service Payments high refund-service\/catalog-info\.yaml:1/ })).toBeVisible();
  await expect(created.getByRole("row", { name: /Session Store Identity medium/ })).toBeVisible();
  await expect(created.getByRole("row", { name: /Build Cache Platform low/ })).toBeVisible();
  await expect(
    preview.getByRole("table", { name: /Services to update/ }).getByRole("row", { name: /Checkout API Payments .*linked to the catalogue/ }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Apply all" }).click();
  await expect(page.getByText("Done: 3 created, 3 updated, 0 marked missing from the catalogue.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply all" })).toBeDisabled();

  const placed: [string, string][] = [
    ["Refund Service", "Payments"],
    ["Session Store", "Identity"],
    ["Build Cache", "Platform"],
  ];
  for (const [name, team] of placed) {
    await page.goto(`/services?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("row", { name: new RegExp(`${name}.*${team}`) })).toBeVisible();
  }
  await page.getByRole("link", { name: "Build Cache" }).click();
  await expect(page.getByText("From the catalogue: component:default/build-cache")).toBeVisible();
});

test("a second sync after a rename and a removal updates the service in place and marks the other missing", async ({ page }) => {
  const folder = mkdtempSync(path.join(tmpdir(), "catalog-"));
  try {
    cpSync(DEMO, folder, { recursive: true });
    rmSync(path.join(folder, "build-cache"), { recursive: true });
    const file = path.join(folder, "session-store/catalog-info.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Session Store", "title: Session Vault"));
    await page.goto("/services/session-store");
    const address = page.url();

    const preview = await upload(page, folder);
    await expect(preview.getByText("0 to create, 1 to update, 1 to mark missing from the catalogue, 4 unchanged, 1 of other kinds passed over.")).toBeVisible();
    await expect(preview.getByRole("row", { name: /Session Vault Identity name/ })).toBeVisible();
    await expect(preview.getByRole("row", { name: /Build Cache missing Platform component:default\/build-cache/ })).toBeVisible();
    await page.getByRole("button", { name: "Apply all" }).click();
    await expect(page.getByText("Done: 0 created, 1 updated, 1 marked missing from the catalogue.")).toBeVisible();

    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1, name: /Session Vault/ })).toBeVisible();
    await page.goto("/services/build-cache");
    await expect(page.getByText(/^Missing from catalogue since/)).toBeVisible();
    await page.goto("/services?q=Build%20Cache");
    await expect(page.getByRole("row", { name: /Build Cache.*Missing from catalogue/ })).toBeVisible();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a refused row keeps everything as it was, and says where and why", async ({ page }) => {
  const folder = mkdtempSync(path.join(tmpdir(), "catalog-bad-"));
  try {
    cpSync(DEMO, folder, { recursive: true });
    writeFileSync(
      path.join(folder, "refund-service/catalog-info.yaml"),
      readFileSync(path.join(DEMO, "refund-service/catalog-info.yaml"), "utf8").replace("owner: payments-engineering", "owner: nobody-at-all"),
    );
    const preview = await upload(page, folder);
    await expect(preview.getByRole("alert")).toHaveText(/1 row is refused\. Nothing can be applied/);
    await expect(
      preview.getByRole("row", { name: /refund-service\/catalog-info\.yaml:1 .*no team answers for its owner group:default\/nobody-at-all/ }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply all" })).toBeDisabled();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the command line syncs a folder with an integration token made on the page", async ({ page, baseURL }) => {
  await page.goto("/admin/catalog");
  const tokens = page.getByRole("form", { name: "New catalogue sync token" });
  await tokens.getByLabel("Token name").fill("e2e-backstage");
  await tokens.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("The token").inputValue();
  expect(token).toMatch(/^tfi_/);
  const env = { NODE_ENV: "test" as const, PATH: process.env.PATH, TWELVEFOLD_CATALOG_TOKEN: token };

  const dry = await run(process.execPath, ["scripts/twelvefold.mjs", "catalog", "sync", DEMO, "--url", baseURL!, "--dry-run"], { env });
  expect(dry.stdout).toContain("0 to create, 2 to update, 0 to mark missing, 4 unchanged, 1 passed over, 0 refused.");
  expect(dry.stdout).toMatch(/update +component:default\/session-store +"Session Store" in Identity: name/);
  const synced = await run(process.execPath, ["scripts/twelvefold.mjs", "catalog", "sync", DEMO, "--url", baseURL!], { env });
  expect(synced.stderr).toContain("Synced.");
  const again = await run(process.execPath, ["scripts/twelvefold.mjs", "catalog", "sync", DEMO, "--url", baseURL!], { env });
  expect(again.stderr).toContain("Already in sync: nothing to change.");

  await page.goto("/services/build-cache");
  await expect(page.getByText("From the catalogue: component:default/build-cache")).toBeVisible();
  await expect(page.getByText(/^Missing from catalogue since/)).toHaveCount(0);
});

test("an admin imports the example CSV file; a formula cell and a file of 100,000 rows are refused by line", async ({ page }) => {
  await page.goto("/admin/catalog");
  const csv = page.getByRole("form", { name: "CSV upload" });
  await csv.getByLabel("CSV file").setInputFiles(path.resolve("public/examples/services.csv"));
  await csv.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("3 to create, 1 to update, 0 unchanged.")).toBeVisible();
  await expect(preview.getByRole("row", { name: /Tax Calculator Payments high services\.csv:2/ })).toBeVisible();
  await expect(preview.getByRole("row", { name: /Status Page Platform description services\.csv:5/ })).toBeVisible();
  await page.getByRole("button", { name: "Apply all" }).click();
  await expect(page.getByText("Done: 3 created, 1 updated.")).toBeVisible();
  await page.goto("/services?q=Tax%20Calculator");
  await expect(page.getByRole("row", { name: /Tax Calculator.*Payments/ })).toBeVisible();

  const folder = mkdtempSync(path.join(tmpdir(), "csv-"));
  try {
    const hostile = path.join(folder, "hostile.csv");
    writeFileSync(hostile, 'name,team\nQuiet Service,payments\n"=HYPERLINK(""https://evil.example"")",payments\n');
    const huge = path.join(folder, "huge.csv");
    writeFileSync(huge, `name,team\n${Array.from({ length: 100_000 }, (_, i) => `svc-${i},payments`).join("\n")}\n`);
    for (const [file, where, reason] of [
      [hostile, "hostile.csv:3", /The name cell starts with "=", which a spreadsheet runs as a formula/],
      [huge, "huge.csv:10002", /More than 10000 rows; split the file\./],
    ] as const) {
      await page.goto("/admin/catalog");
      await csv.getByLabel("CSV file").setInputFiles(file);
      await csv.getByRole("button", { name: "Preview" }).click();
      await expect(preview.getByRole("alert")).toContainText("Nothing can be applied");
      await expect(preview.getByRole("row", { name: new RegExp(`${where.replace(".", "\\.")} .*${reason.source}`) })).toBeVisible();
      await expect(page.getByRole("button", { name: "Apply all" })).toBeDisabled();
    }
    await page.goto("/services?q=Quiet%20Service");
    await expect(page.getByRole("row", { name: /Quiet Service/ })).toHaveCount(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
