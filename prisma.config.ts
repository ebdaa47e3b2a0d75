import { defineConfig } from "prisma/config";

// Twelvefold applies migrations with its own migrator (lib/db/migrator.ts), so the
// Prisma CLI only ever needs this file for `prisma generate`, which must work
// without a database. `env("DATABASE_URL")` would make generate fail when the
// variable is unset, hence the plain read: a Prisma CLI command that does need a
// database still fails loudly, because there is no URL to connect to.
const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(url ? { datasource: { url } } : {}),
});
