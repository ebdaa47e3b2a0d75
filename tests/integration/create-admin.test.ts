// The first-administrator command, run as an operator would.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { createPrismaClient } from "@/lib/db/client";
import { freshDatabase } from "./helpers";

const root = path.resolve(import.meta.dirname, "..", "..");
const run = (url: string, args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, MIGRATION_DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("npm run user:create-admin", () => {
  it("gives an empty database its first administrator, who can sign in with the one-time password", async () => {
    const url = await freshDatabase("twelvefold_first_admin");
    const first = run(url, ["First@Example.com", "First Admin"]);
    expect(first.status).toBe(0);
    const password = /one-time password \(shown once\): (\S+)/.exec(first.stdout)?.[1];
    expect(password).toBeTruthy();

    const prisma = createPrismaClient(url, 1);
    try {
      const result = await attemptSignIn(prisma, { email: "first@example.com", password }, { ipAddress: null, userAgent: null });
      expect(result.ok).toBe(true);
      expect((await prisma.user.findUniqueOrThrow({ where: { email: "first@example.com" } })).isAdmin).toBe(true);
      expect(await prisma.auditEvent.count({ where: { action: "user.created" } })).toBe(1);
    } finally {
      await prisma.$disconnect();
    }

    const again = run(url, ["first@example.com", "Again"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
  });
});
