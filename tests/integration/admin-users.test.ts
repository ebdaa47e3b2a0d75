// User management in the data layer: admins only, whoever calls it, and every
// change audited in its transaction.
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { Principal } from "@/lib/auth/policy";
import { principalForSession } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { prepareSchema } from "@/lib/boot/database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { freshDatabase, withClient } from "./helpers";
import { principalOf } from "./principals";

let url: string;
let prisma: PrismaClient;
const as: Record<string, Principal> = {};

beforeAll(async () => {
  url = await freshDatabase("twelvefold_admin");
  await prepareSchema(url);
  prisma = createPrismaClient(url, 2);
  await seedDemo(prisma, { password: "admin-test-password" });
  process.env.DATABASE_URL = url;
  for (const role of ["admin", "lead", "auditor", "reviewer"]) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${role}@demo.test` } });
    as[role] = await principalOf(url, user.id);
  }
  return () => prisma.$disconnect();
});

const admin = () => import("@/lib/data/admin/manage-users");

describe("user management", () => {
  it("is refused to everyone but an admin, even called directly", async () => {
    const { createUser, setUserDisabled, resetUserPassword } = await admin();
    const { listUsers } = await import("@/lib/data/admin/list-users");
    const target = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@demo.test" } });
    for (const role of ["lead", "auditor", "reviewer"]) {
      await expect(createUser(as[role]!, { email: `x-${role}@demo.test`, name: "X", isAdmin: true })).rejects.toThrow("not found");
      await expect(setUserDisabled(as[role]!, { userId: target.id, disabled: true })).rejects.toThrow("not found");
      await expect(resetUserPassword(as[role]!, { userId: target.id })).rejects.toThrow("not found");
      await expect(listUsers(as[role]!)).rejects.toThrow("not found");
    }
    expect(await prisma.user.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
  });

  it("creates a user with a one-time password that works, and audits it without the password", async () => {
    const { createUser } = await admin();
    const created = await createUser(as.admin!, { email: "created@demo.test", name: "Created", isAdmin: false });
    const signIn = await attemptSignIn(prisma, { email: "created@demo.test", password: created.temporaryPassword }, { ipAddress: null, userAgent: null });
    expect(signIn.ok).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.created", targetId: created.id } });
    expect(event.actorLabel).toBe("admin@demo.test");
    expect(event.after).toEqual({ email: "created@demo.test", name: "Created", isAdmin: false });
    expect(JSON.stringify({ ...event, id: String(event.id), seq: String(event.seq) })).not.toContain(created.temporaryPassword);
    await expect(createUser(as.admin!, { email: "created@demo.test", name: "Again", isAdmin: false })).rejects.toThrow("already exists");
  });

  it("disabling ends the user's sessions at once, and is audited with before and after", async () => {
    const { setUserDisabled } = await admin();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "created@demo.test" } });
    // The sign-in of the test before left this user a live session.
    const open = await prisma.session.count({ where: { userId: user.id, endedAt: null } });
    expect(open).toBeGreaterThan(0);
    await setUserDisabled(as.admin!, { userId: user.id, disabled: true });
    expect(await prisma.session.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.disabled", targetId: user.id } });
    expect([event.before, event.after, event.category]).toEqual([{ disabled: false }, { disabled: true }, "SECURITY"]);
    await expect(setUserDisabled(as.admin!, { userId: as.admin!.userId, disabled: true })).rejects.toThrow("cannot disable your own account");
  });

  it("resetting a password replaces it and ends the user's sessions", async () => {
    const { resetUserPassword } = await admin();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@demo.test" } });
    const { temporaryPassword } = await resetUserPassword(as.admin!, { userId: user.id });
    const signIn = await attemptSignIn(prisma, { email: "maya.chen@demo.test", password: temporaryPassword }, { ipAddress: null, userAgent: null });
    expect(signIn.ok).toBe(true);
    if (signIn.ok) expect(await principalForSession(prisma, signIn.sessionSecret)).not.toBeNull();
    await resetUserPassword(as.admin!, { userId: user.id });
    if (signIn.ok) expect(await principalForSession(prisma, signIn.sessionSecret)).toBeNull();
  });

  it("makes one-time passwords expire after 24 hours, and give no access until their owner chooses a new one", async () => {
    const { resetUserPassword } = await admin();
    const { changeOwnPassword } = await import("@/lib/data/account/change-password");
    const { can } = await import("@/lib/auth/policy");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "lead@demo.test" } });
    const issued = new Date();
    const { temporaryPassword } = await resetUserPassword(as.admin!, { userId: user.id });
    const context = { ipAddress: "192.0.2.44", userAgent: "test" };
    // A day later it no longer works, and keeps not working.
    const later = new Date(issued.getTime() + 24 * 3_600_000 + 60_000);
    expect(await attemptSignIn(prisma, { email: user.email, password: temporaryPassword }, context, later)).toEqual({ ok: false });
    expect(await prisma.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", actorId: user.id }, orderBy: { id: "desc" } })).toMatchObject({
      after: { reason: "password_expired" },
    });
    // Within the day it signs in, but the session holds no role until the password is changed.
    const signIn = await attemptSignIn(prisma, { email: user.email, password: temporaryPassword }, context);
    if (!signIn.ok) throw new Error("the one-time password was refused within its day");
    const held = (await principalForSession(prisma, signIn.sessionSecret))!;
    expect(held).toMatchObject({ mustChangePassword: true, isAdmin: false, memberships: [], orgAuditorUntil: null });
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    expect(can(held, "team.read", { teamId: payments.id })).toBe(false);
    await changeOwnPassword(
      held,
      { currentPassword: temporaryPassword, newPassword: "a passphrase of my own" },
      { ...context, sessionSecret: signIn.sessionSecret },
    );
    const freed = (await principalForSession(prisma, signIn.sessionSecret))!;
    expect(freed.mustChangePassword).toBeUndefined();
    expect(can(freed, "team.read", { teamId: payments.id })).toBe(true);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mustChangePassword: false, passwordExpiresAt: null });
  });

  it("leaves an audit trail whose chain verifies", async () => {
    expect(await withClient(url, verifyAuditChain)).toMatchObject({ ok: true });
  });
});

describe("team roles and auditor grants", () => {
  const access = () => import("@/lib/data/admin/manage-access");

  it("sets, changes and removes a team role, auditing before and after", async () => {
    const { setMembership } = await access();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "created@demo.test" } });
    const team = await prisma.team.findUniqueOrThrow({ where: { slug: "identity" } });
    await setMembership(as.admin!, { userId: user.id, teamId: team.id, role: "reviewer" });
    await setMembership(as.admin!, { userId: user.id, teamId: team.id, role: "lead" });
    await setMembership(as.admin!, { userId: user.id, teamId: team.id, role: null });
    const events = await prisma.auditEvent.findMany({ where: { action: "membership.changed", targetId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ role: null }, { role: "reviewer" }],
      [{ role: "reviewer" }, { role: "lead" }],
      [{ role: "lead" }, { role: null }],
    ]);
    await expect(setMembership(as.lead!, { userId: user.id, teamId: team.id, role: "lead" })).rejects.toThrow("not found");
  });

  it("grants org-wide read access only for a future date within a year, and revokes it", async () => {
    const { grantOrgAuditor, revokeOrgAuditor } = await access();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@demo.test" } });
    const now = new Date("2026-11-22T12:00:00Z");
    await expect(grantOrgAuditor(as.admin!, { userId: user.id, expiresOn: "2026-11-21", reason: "late" }, now)).rejects.toThrow("in the future");
    await expect(grantOrgAuditor(as.admin!, { userId: user.id, expiresOn: "2027-12-01", reason: "long" }, now)).rejects.toThrow("at most 366 days");
    await grantOrgAuditor(as.admin!, { userId: user.id, expiresOn: "2099-01-01", reason: "ok" }, new Date("2098-06-01T00:00:00Z"));
    expect(await prisma.auditorGrant.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    await revokeOrgAuditor(as.admin!, { userId: user.id });
    expect(await prisma.auditorGrant.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    await expect(revokeOrgAuditor(as.admin!, { userId: user.id })).rejects.toThrow("not found");
  });
});
