import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { principalForSession, endSession, createSession, newSessionSecret } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { ACCOUNT_FAILURES_PER_HOUR, backoffSeconds, MAX_BACKOFF_SECONDS, PAIR_FAILURES_PER_HOUR, UNDER_ATTACK_FAILURES_PER_ADDRESS } from "@/lib/auth/throttle";
import { prepareSchema } from "@/lib/boot/database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { freshDatabase, withClient } from "./helpers";

const PASSWORD = "integration-demo-password";
const T0 = new Date("2026-11-22T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const context = { ipAddress: "203.0.113.7", userAgent: "integration test" };
let url: string;
let prisma: PrismaClient;

beforeAll(async () => {
  url = await freshDatabase("twelvefold_auth");
  await prepareSchema(url);
  prisma = createPrismaClient(url, 2);
  await seedDemo(prisma, { password: PASSWORD });
  return () => prisma.$disconnect();
});

describe("password sign-in", () => {
  it("accepts the right password and opens a session that resolves to the user's roles", async () => {
    const result = await attemptSignIn(prisma, { email: "Reviewer@Demo.test ", password: PASSWORD }, context, at(0));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const principal = await principalForSession(prisma, result.sessionSecret, at(1));
    expect(principal?.email).toBe("reviewer@demo.test");
    expect(principal?.memberships.map((m) => m.role).sort()).toEqual(["reviewer", "reviewer"]);
  });

  it("answers a wrong password and an unknown account identically", async () => {
    const wrong = await attemptSignIn(prisma, { email: "admin@demo.test", password: "not the password" }, context, at(10));
    const unknown = await attemptSignIn(prisma, { email: "ghost@demo.test", password: "not the password" }, context, at(11));
    const malformed = await attemptSignIn(prisma, { email: "not an email", password: 42 }, context, at(12));
    expect([wrong, unknown, malformed]).toEqual([{ ok: false }, { ok: false }, { ok: false }]);
  });

  // When the next attempt is heard after each failure: past every back-off, one second apart.
  const schedule = (start: number, failures: number) => {
    const times = [start];
    for (let k = 1; k < failures; k++) times.push(times[k - 1]! + backoffSeconds(k) + 1);
    return times;
  };

  it("lets nobody lock an account: an attacker's addresses are refused, the owner at another address signs in", async () => {
    // 100 wrong passwords in well under an hour from five addresses (20 each, the most one address may fail on an account).
    const attackers = ["192.0.2.10", "192.0.2.11", "192.0.2.12", "192.0.2.13", "192.0.2.14"];
    const times = schedule(100, PAIR_FAILURES_PER_HOUR);
    for (const [i, t] of times.entries()) {
      for (const ip of attackers)
        expect((await attemptSignIn(prisma, { email: "lead@demo.test", password: `wrong-${i}` }, { ...context, ipAddress: ip }, at(t))).ok).toBe(false);
    }
    expect(await prisma.signInAttempt.count({ where: { email: "lead@demo.test", succeeded: false } })).toBe(ACCOUNT_FAILURES_PER_HOUR);
    const late = times.at(-1)! + MAX_BACKOFF_SECONDS + 1;
    // Each attacking address is refused even with the right password, and those refusals are not counted.
    for (const ip of attackers)
      expect(await attemptSignIn(prisma, { email: "lead@demo.test", password: PASSWORD }, { ...context, ipAddress: ip }, at(late))).toEqual({ ok: false });
    expect(await prisma.signInAttempt.count({ where: { email: "lead@demo.test", succeeded: false } })).toBe(ACCOUNT_FAILURES_PER_HOUR);
    // A new address may fail a few times on an account under attack, then is refused too.
    const fresh = { ...context, ipAddress: "192.0.2.99" };
    for (let i = 0; i < UNDER_ATTACK_FAILURES_PER_ADDRESS; i++)
      await attemptSignIn(prisma, { email: "lead@demo.test", password: `again-${i}` }, fresh, at(late + i));
    expect(await attemptSignIn(prisma, { email: "lead@demo.test", password: PASSWORD }, fresh, at(late + 10))).toEqual({ ok: false });
    // The owner, at an address that has not failed, signs in all the same.
    expect((await attemptSignIn(prisma, { email: "lead@demo.test", password: PASSWORD }, context, at(late + 11))).ok).toBe(true);
    // An hour after its last failure, an attacking address is heard again.
    expect(
      (await attemptSignIn(prisma, { email: "lead@demo.test", password: PASSWORD }, { ...context, ipAddress: attackers[0]! }, at(times.at(-1)! + 3601))).ok,
    ).toBe(true);
  });

  it("refuses the 21st failure from one address on one account in an hour, even with the right password", async () => {
    const email = "reviewer@demo.test";
    const from = { ...context, ipAddress: "198.51.100.20" };
    const times = schedule(20_000, PAIR_FAILURES_PER_HOUR);
    for (const [i, t] of times.entries()) expect((await attemptSignIn(prisma, { email, password: `wrong-${i}` }, from, at(t))).ok).toBe(false);
    expect(await prisma.signInAttempt.count({ where: { email, succeeded: false } })).toBe(PAIR_FAILURES_PER_HOUR);
    expect(await attemptSignIn(prisma, { email, password: PASSWORD }, from, at(times.at(-1)! + MAX_BACKOFF_SECONDS + 1))).toEqual({ ok: false });
    expect((await attemptSignIn(prisma, { email, password: PASSWORD }, from, at(times.at(-1)! + 3601))).ok).toBe(true);
  });

  it("backs off after repeated failures, then lets the right password through", async () => {
    const email = "auditor@demo.test";
    for (let i = 0; i < 8; i++) await attemptSignIn(prisma, { email, password: `wrong-${i}` }, { ...context, ipAddress: "198.51.100.1" }, at(5000 + i));
    expect((await attemptSignIn(prisma, { email, password: PASSWORD }, { ...context, ipAddress: "198.51.100.1" }, at(5010))).ok).toBe(false);
    expect((await attemptSignIn(prisma, { email, password: PASSWORD }, { ...context, ipAddress: "198.51.100.1" }, at(5400))).ok).toBe(true);
  });

  it("refuses a disabled user, and ends their open sessions on the next request", async () => {
    const user = await prisma.user.create({
      data: {
        email: "leaver@demo.test",
        name: "Leaver",
        passwordHash: (await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } })).passwordHash,
      },
    });
    const session = await attemptSignIn(prisma, { email: "leaver@demo.test", password: PASSWORD }, context, at(9000));
    expect(session.ok).toBe(true);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: at(9001) } });
    if (session.ok) expect(await principalForSession(prisma, session.sessionSecret, at(9002))).toBeNull();
    expect((await attemptSignIn(prisma, { email: "leaver@demo.test", password: PASSWORD }, context, at(9003))).ok).toBe(false);
  });
});

describe("sessions", () => {
  const open = async (now: Date) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@demo.test" } });
    const secret = newSessionSecret();
    await createSession(prisma, { userId: user.id, secret, ipAddress: null, userAgent: null, now });
    return { secret, user };
  };
  const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

  it("end after 30 idle minutes", async () => {
    const { secret } = await open(minutes(0));
    expect(await principalForSession(prisma, secret, minutes(29))).not.toBeNull();
    expect(await principalForSession(prisma, secret, minutes(59))).not.toBeNull(); // 30 min after the last use
    expect(await principalForSession(prisma, secret, minutes(90))).toBeNull();
  });

  it("end 12 hours after sign-in however active", async () => {
    const { secret } = await open(minutes(0));
    for (let m = 20; m < 720; m += 20) expect(await principalForSession(prisma, secret, minutes(m))).not.toBeNull();
    expect(await principalForSession(prisma, secret, minutes(721))).toBeNull();
  });

  it("end at sign-out", async () => {
    const { secret } = await open(minutes(0));
    await endSession(prisma, secret, minutes(1));
    expect(await principalForSession(prisma, secret, minutes(2))).toBeNull();
  });

  it("lose a removed role on the next request", async () => {
    const { secret, user } = await open(minutes(0));
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: user.id } });
    await prisma.membership.delete({ where: { id: membership.id } });
    const principal = await principalForSession(prisma, secret, minutes(1));
    expect(principal?.memberships.map((m) => m.teamId)).not.toContain(membership.teamId);
    await prisma.membership.create({ data: { userId: user.id, teamId: membership.teamId, role: membership.role } });
  });
});

describe("audit trail of sign-ins", () => {
  it("records every attempt as a chained security event, and the chain verifies", async () => {
    const events = await prisma.auditEvent.groupBy({ by: ["action"], _count: { _all: true } });
    const count = Object.fromEntries(events.map((e) => [e.action, e._count._all]));
    expect(count["auth.sign_in"]).toBeGreaterThanOrEqual(4);
    expect(count["auth.sign_in_failed"]).toBeGreaterThanOrEqual(110);
    expect(await withClient(url, verifyAuditChain)).toMatchObject({ ok: true, breaks: [] });
  });

  it("detects a tampered event", async () => {
    const target = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" } });
    // Only the table's owner can get past the append-only trigger, and only by
    // disabling it: the insider the hash chain is there to expose.
    await withClient(url, async (c) => {
      await c.query("BEGIN");
      await c.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
      await c.query(`UPDATE audit_events SET actor_label = 'someone-else@demo.test' WHERE id = $1`, [target.id]);
      await c.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete");
      await c.query("COMMIT");
    });
    const report = await withClient(url, verifyAuditChain);
    expect(report).toMatchObject({ ok: false, breaks: [{ id: String(target.id), kind: "content changed" }] });
  });
});
