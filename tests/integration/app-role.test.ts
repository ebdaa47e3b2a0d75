// The app's database role has only the grants it needs, and cannot rewrite
// history: proven against a real Postgres.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record";
import { prepareSchema } from "@/lib/boot/database";
import { dropAppLogin, ensureAppLogin } from "@/lib/db/app-role";
import { createPrismaClient } from "@/lib/db/client";
import { freshDatabase, withClient } from "./helpers";

let ownerUrl: string;
let appUrl: string;
const login = `twelvefold_it_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  ownerUrl = await freshDatabase("twelvefold_role");
  await prepareSchema(ownerUrl);
  appUrl = await ensureAppLogin(ownerUrl, login, randomBytes(18).toString("base64url"));
  const prisma = createPrismaClient(appUrl, 1);
  try {
    await prisma.$transaction((tx) => recordAuditEvent(tx, { action: "team.updated", actorLabel: "test", targetType: "test", targetId: "app-role" }));
  } finally {
    await prisma.$disconnect();
  }
});

afterAll(async () => {
  await dropAppLogin(ownerUrl, login).catch(() => {});
});

const asApp = (sql: string) => withClient(appUrl, (c) => c.query(sql));
const PERMISSION_DENIED = { code: "42501" };

describe("the app's database role", () => {
  it("reads and writes the app's data", async () => {
    await asApp("INSERT INTO teams (name, slug, updated_at) VALUES ('Role test', 'role-test', now())");
    await asApp("UPDATE teams SET description = 'changed' WHERE slug = 'role-test'");
    await asApp("DELETE FROM teams WHERE slug = 'role-test'");
    expect((await asApp("SELECT count(*)::int AS n FROM audit_events")).rows[0].n).toBe(1);
  });

  it("cannot update, delete or truncate audit events", async () => {
    await expect(asApp("UPDATE audit_events SET actor_label = 'forged'")).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(asApp("DELETE FROM audit_events")).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(asApp("TRUNCATE audit_events")).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it("cannot change the schema, drop the guard, or touch the migration history", async () => {
    await expect(asApp("CREATE TABLE sneaky (id int)")).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(asApp("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete")).rejects.toMatchObject({ code: "42501" });
    await expect(asApp("DROP TABLE audit_events")).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(asApp('SELECT * FROM "_prisma_migrations"')).rejects.toMatchObject(PERMISSION_DENIED);
  });
});

describe("the audit table itself", () => {
  it("refuses updates and deletes from any role, the owner included", async () => {
    await expect(withClient(ownerUrl, (c) => c.query("UPDATE audit_events SET actor_label = 'forged'"))).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(withClient(ownerUrl, (c) => c.query("DELETE FROM audit_events"))).rejects.toThrow(/append-only: DELETE refused/);
    await expect(withClient(ownerUrl, (c) => c.query("TRUNCATE audit_events"))).rejects.toThrow(/append-only: TRUNCATE refused/);
  });
});
