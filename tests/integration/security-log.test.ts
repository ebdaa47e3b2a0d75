// Security events as a log stream: each audit event becomes one JSON line under
// "log":"security" once its transaction commits, never for one rolled back, and
// no line names a person (no email, address or user agent).
import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { recordAuditEvent } from "@/lib/audit/record";
import { setSecurityLogProcess } from "@/lib/audit/security-log";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

const PASSWORD = "security-log-test-password";
const lines: Record<string, unknown>[] = [];
let prisma: PrismaClient;

beforeAll(async () => {
  ({ prisma } = await seededDemo({ database: "twelvefold_security_log", password: PASSWORD, people: {} }));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  setSecurityLogProcess("web", sink);
});

const context = { ipAddress: "203.0.113.9", userAgent: "Mozilla/5.0 (security-log test)" };
const logged = (action: string) => lines.filter((l) => l.log === "security" && l.action === action);
const marked = (targetId: string) => lines.filter((l) => l.log === "security" && l.targetId === targetId);

describe("the security log stream", () => {
  it("writes a sign-in and a failed sign-in as they are audited, naming ids, not people", async () => {
    const ok = await attemptSignIn(prisma, { email: "auditor@demo.test", password: PASSWORD }, context);
    expect(ok.ok).toBe(true);
    const failed = await attemptSignIn(prisma, { email: "auditor@demo.test", password: "not-the-password-at-all" }, context);
    expect(failed.ok).toBe(false);
    const auditor = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@demo.test" } });
    for (const action of ["auth.sign_in", "auth.sign_in_failed"]) {
      const [line, ...more] = logged(action);
      expect(more, action).toEqual([]);
      expect(line).toMatchObject({ log: "security", category: "security", actorId: auditor.id, process: "web", level: 30 });
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });
      expect(line!.hash).toBe(event.hash);
      const text = JSON.stringify(line);
      for (const personal of ["auditor@demo.test", context.ipAddress, context.userAgent, PASSWORD]) expect(text).not.toContain(personal);
    }
  });

  it("writes nothing for an event whose transaction rolled back", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAuditEvent(tx, { action: "team.updated", actorLabel: "nobody@example.test", targetType: "test", targetId: "rolled-back" });
        throw new Error("the change fails after its event was recorded");
      }),
    ).rejects.toThrow("the change fails");
    expect(await prisma.auditEvent.count({ where: { targetId: "rolled-back" } })).toBe(0);
    expect(marked("rolled-back")).toEqual([]);
    // And the next committed one is written as usual.
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { action: "export.download", actorLabel: "nobody@example.test", targetType: "test", targetId: "committed" }),
    );
    expect(marked("committed")).toMatchObject([{ category: "access", action: "export.download" }]);
  });

  it("carries the chain's head at every event, and a signed checkpoint of it from the anchor job", async () => {
    const { anchorChainHead } = await import("@/lib/audit/anchor");
    const { checkpointSignedBy } = await import("@/lib/audit/checkpoint");
    const { knownAuditKeys } = await import("@/lib/audit/key");
    const head = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const [line] = logged(head.action).slice(-1);
    expect(line).toMatchObject({ id: String(head.id), seq: String(head.seq), hash: head.hash });
    const checkpoint = await anchorChainHead(new Date("2026-11-29T10:15:00Z"));
    const [anchored, ...more] = logged("audit.checkpoint");
    expect(more).toEqual([]);
    expect(anchored).toMatchObject({
      log: "security",
      checkpoint: { seq: String(head.seq), id: String(head.id), hash: head.hash, madeAt: "2026-11-29T10:15:00.000Z" },
    });
    expect(anchored!.checkpoint).toEqual(JSON.parse(JSON.stringify(checkpoint)));
    expect(checkpointSignedBy(checkpoint!, knownAuditKeys())).toBe(true);
  });
});
