// Applies prisma/migrations/*/migration.sql with node-postgres and records them
// in `_prisma_migrations` exactly as Prisma Migrate does, so `prisma migrate
// status/deploy` agree with it wherever Prisma's native engine is available.
// We own this because the native engine cannot be downloaded on air-gapped
// machines (and `prisma migrate` then silently does nothing).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

// Prisma's own DDL for the bookkeeping table (schema-engine, postgres flavour).
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it only has to be the same for every Twelvefold process.
const ADVISORY_LOCK_KEY = 0x7457_6f6c;

export function checksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Migration folders in the order Prisma applies them (lexical by folder name). */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every pending migration, each in its own transaction, under an
 * advisory lock so that several instances starting at once apply each once.
 * Refuses to run when history and files disagree.
 */
export async function migrate(client: pg.Client, migrations: MigrationFile[]): Promise<MigrateResult> {
  await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at
         FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const pending = planPending(rows, migrations);
    for (const migration of pending) {
      await applyOne(client, migration);
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}

function planPending(rows: AppliedRow[], migrations: MigrationFile[]): MigrationFile[] {
  const known = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new MigrationError(`migration ${row.migration_name} failed earlier and was never finished; fix the database, then mark it rolled back`);
    }
    const file = known.get(row.migration_name);
    if (!file) {
      throw new MigrationError(`the database has migration ${row.migration_name}, which this checkout does not; run the newer Twelvefold release`);
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was changed after it was applied (checksum differs); restore the original file and add a new migration instead`,
      );
    }
    applied.add(row.migration_name);
  }
  return migrations.filter((m) => !applied.has(m.name));
}

/**
 * A failure another database of the same cluster caused: roles are shared by
 * every database of a cluster, but the advisory lock holds within one, so two
 * databases migrated at once (on one server) may both create a role the
 * migration creates only when it is missing. The loser's transaction is rolled
 * back whole, and applying it again finds the role there.
 */
const clusterRace = (error: unknown) => {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  return (
    (code === "23505" && constraint === "pg_authid_rolname_index") ||
    (code === "42710" && /^role ".+" already exists$/.test(message ?? "")) ||
    (code === "XX000" && message === "tuple concurrently updated")
  );
};

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnce(client, migration);
    } catch (error) {
      if (attempt >= 5 || !clusterRace(error)) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${reason}`);
      }
    }
  }
}

async function applyOnce(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
