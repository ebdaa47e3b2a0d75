// Prisma's CLI runs here against a stub schema engine (the native one cannot be
// downloaded). `npm ci` proves that generating the client works; this proves a
// migration command fails loudly rather than exit 0 having done nothing.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freshDatabase, withClient } from "./helpers";

const root = path.resolve(import.meta.dirname, "..", "..");
const stub = path.join(root, "scripts", "prisma-schema-engine-stub.sh");

function prisma(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, CHECKPOINT_DISABLE: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("the Prisma CLI without its native engine", () => {
  it("refuses `migrate deploy` with a non-zero exit and leaves the database untouched", async () => {
    const url = await freshDatabase("twelvefold_cli");
    const result = prisma(["migrate", "deploy"], { DATABASE_URL: url });
    expect(result.status).not.toBe(0);
    const tables = await withClient(
      url,
      async (c) => (await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows[0].n,
    );
    expect(tables).toBe(0);
  });
});
