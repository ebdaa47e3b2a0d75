import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/boot/database";
import { migrate, MigrationError, readMigrations } from "@/lib/db/migrator";
import { freshDatabase, withClient } from "./helpers";

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tf-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const THREE = {
  "20240101000000_accounts": "CREATE TABLE accounts (id int PRIMARY KEY);",
  "20240102000000_accounts_name": "ALTER TABLE accounts ADD COLUMN name text NOT NULL DEFAULT '';",
  "20240103000000_notes": "CREATE TABLE notes (id int PRIMARY KEY, account_id int REFERENCES accounts(id));",
};

const migrateDir = (url: string, dir: string) => withClient(url, async (c) => migrate(c, await readMigrations(dir)));
const rows = (url: string) => withClient(url, async (c) => (await c.query(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`)).rows);
const tableExists = (url: string, table: string) => withClient(url, async (c) => (await c.query("SELECT to_regclass($1) AS t", [table])).rows[0].t !== null);

describe("migrator", () => {
  it("applies pending migrations in order and records them as Prisma does", async () => {
    const url = await freshDatabase();
    // Written in reverse to prove order comes from the names, not the file system.
    const dir = await migrationsDir(Object.fromEntries(Object.entries(THREE).reverse()));
    const result = await migrateDir(url, dir);
    expect(result.applied).toEqual(Object.keys(THREE));
    const recorded = await rows(url);
    expect(recorded.map((r) => r.migration_name)).toEqual(Object.keys(THREE));
    for (const row of recorded) {
      const sql = THREE[row.migration_name as keyof typeof THREE];
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await tableExists(url, "notes")).toBe(true);
  });

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir(THREE);
    await migrateDir(url, dir);
    const before = await rows(url);
    const again = await migrateDir(url, dir);
    expect(again).toEqual({ applied: [], alreadyApplied: 3 });
    expect(await rows(url)).toEqual(before);
  });

  it("applies only the new migration when one is added", async () => {
    const url = await freshDatabase();
    await migrateDir(url, await migrationsDir(THREE));
    const more = await migrationsDir({ ...THREE, "20240104000000_tags": "CREATE TABLE tags (id int);" });
    expect((await migrateDir(url, more)).applied).toEqual(["20240104000000_tags"]);
  });

  it("refuses to run when an applied migration's file changed", async () => {
    const url = await freshDatabase();
    await migrateDir(url, await migrationsDir(THREE));
    const edited = await migrationsDir({
      ...THREE,
      "20240102000000_accounts_name": "ALTER TABLE accounts ADD COLUMN name varchar(10);",
      "20240104000000_tags": "CREATE TABLE tags (id int);",
    });
    await expect(migrateDir(url, edited)).rejects.toThrow(/20240102000000_accounts_name was changed after it was applied/);
    await expect(migrateDir(url, edited)).rejects.toBeInstanceOf(MigrationError);
    expect(await tableExists(url, "tags")).toBe(false);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({
      ...THREE,
      "20240104000000_broken": "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;",
    });
    await expect(migrateDir(url, dir)).rejects.toThrow(/20240104000000_broken failed and was rolled back/);
    expect(await tableExists(url, "half_done")).toBe(false);
    expect((await rows(url)).map((r) => r.migration_name)).toEqual(Object.keys(THREE));
  });

  it("refuses a database that has migrations this checkout does not know", async () => {
    const url = await freshDatabase();
    await migrateDir(url, await migrationsDir(THREE));
    const older = await migrationsDir({ "20240101000000_accounts": THREE["20240101000000_accounts"] });
    await expect(migrateDir(url, older)).rejects.toThrow(/does not; run the newer Twelvefold release/);
  });

  it("applies each migration once when several instances start together", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir(THREE);
    const clients = Array.from({ length: 4 }, () => new pg.Client({ connectionString: url }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const migrations = await readMigrations(dir);
      const results = await Promise.all(clients.map((c) => migrate(c, migrations)));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(Object.keys(THREE));
      expect(await rows(url)).toHaveLength(3);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it("applies a migration that creates a role on several databases of one server at once", async () => {
    // Roles belong to the server, the advisory lock to one database: the check and the creation race across databases.
    const role = `twelvefold_race_${createHash("sha256").update(String(Math.random())).digest("hex").slice(0, 10)}`;
    const sql = `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN PERFORM pg_sleep(0.3); CREATE ROLE ${role} NOLOGIN; END IF;
    END $$;`;
    const dir = await migrationsDir({ "20260101000000_role": sql });
    const urls = await Promise.all(Array.from({ length: 4 }, () => freshDatabase()));
    try {
      const results = await Promise.all(urls.map((url) => migrateDir(url, dir)));
      expect(results.map((r) => r.applied)).toEqual(Array(4).fill(["20260101000000_role"]));
    } finally {
      await withClient(urls[0]!, (c) => c.query(`DROP ROLE IF EXISTS ${role}`));
    }
  });

  it("builds Twelvefold's schema from the project's migrations", async () => {
    const url = await freshDatabase();
    const result = await migrateDir(url, MIGRATIONS_DIR);
    expect(result.applied.length).toBeGreaterThan(0);
    for (const table of [
      "users",
      "teams",
      "memberships",
      "services",
      "checklist_versions",
      "assessments",
      "responses",
      "findings",
      "audit_events",
      "api_tokens",
    ]) {
      expect(await tableExists(url, table), table).toBe(true);
    }
  });
});
