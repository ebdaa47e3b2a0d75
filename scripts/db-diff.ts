// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma.
// Needs no Prisma binary: the WASM schema engine does the diff against a scratch
// Postgres (MIGRATION_DATABASE_URL / DATABASE_URL's server, else an embedded one).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "../lib/env";
import { diffMigrationsToSchema, isEmptyMigration } from "../lib/db/schema-diff";
import { startScratchServer } from "../lib/db/scratch";

const root = path.resolve(import.meta.dirname, "..");
const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:diff -- <migration_name>   (e.g. add_service_tags)");
  process.exit(2);
}

const env = getEnv();
const server = await startScratchServer(env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL);
try {
  const sql = await diffMigrationsToSchema({
    serverUrl: server.adminUrl,
    migrationsDir: path.join(root, "prisma", "migrations"),
    schemaPath: path.join(root, "prisma", "schema.prisma"),
  });
  if (isEmptyMigration(sql)) {
    console.log("schema.prisma and prisma/migrations already agree: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then commit it.`);
  }
} finally {
  await server.stop();
}
