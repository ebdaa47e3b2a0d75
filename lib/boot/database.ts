// Resolves the database for a command: the server named by DATABASE_URL, or the
// embedded cluster under DATA_DIR. Then brings its schema and checklist current.
import path from "node:path";
import pg from "pg";
import { publishChecklists } from "../checklist/publish";
import { createPrismaClient } from "../db/client";
import { describeDatabaseError } from "../db/describe-error";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";
import { migrate, readMigrations, type MigrateResult } from "../db/migrator";
import { installQueues } from "../queue/install";
import type { Env } from "../env";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");
const EMBEDDED_DATABASE = "twelvefold";

export class BootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BootError";
  }
}

export interface ResolvedDatabase {
  /** What the app connects with. */
  appUrl: string;
  /** What migrations run with (the owner role). */
  migrationUrl: string;
  embedded: EmbeddedDatabase | null;
}

async function withClient<T>(url: string, variable: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BootError(describeDatabaseError(error, url, variable));
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveDatabase(env: Env): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    const migrationUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
    await withClient(env.DATABASE_URL, "DATABASE_URL", async () => {});
    return { appUrl: env.DATABASE_URL, migrationUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(env.DATA_DIR).catch((error: Error) => {
    throw new BootError(error.message);
  });
  try {
    await withClient(embedded.adminUrl, "the embedded database", async (client) => {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
      if (!rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
    });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const url = embedded.urlFor(EMBEDDED_DATABASE);
  return { appUrl: url, migrationUrl: url, embedded };
}

/** Applies pending migrations, installs the job queues and publishes checklist versions. */
export async function prepareSchema(migrationUrl: string): Promise<MigrateResult & { published: string[] }> {
  const variable = "MIGRATION_DATABASE_URL (or DATABASE_URL)";
  const result = await withClient(migrationUrl, variable, async (client) => migrate(client, await readMigrations(MIGRATIONS_DIR)));
  await installQueues(migrationUrl);
  const prisma = createPrismaClient(migrationUrl, 2);
  try {
    const { published } = await publishChecklists(prisma);
    return { ...result, published };
  } finally {
    await prisma.$disconnect();
  }
}

export async function isEmptyOrganisation(url: string): Promise<boolean> {
  return withClient(url, "DATABASE_URL", async (client) => {
    const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM users");
    return rows[0]?.n === "0";
  });
}
