import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/boot/database";
import { diffMigrationsToSchema, isEmptyMigration } from "@/lib/db/schema-diff";
import { serverUrl } from "./helpers";

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same database (Prisma's schema engine finds no difference)", async () => {
    const sql = await diffMigrationsToSchema({
      serverUrl: serverUrl(),
      migrationsDir: MIGRATIONS_DIR,
      schemaPath: path.resolve(MIGRATIONS_DIR, "..", "schema.prisma"),
    });
    expect(isEmptyMigration(sql), `run \`npm run db:diff -- <name>\` and commit the migration:\n${sql}`).toBe(true);
  });
});
