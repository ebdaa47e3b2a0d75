// The audit trail against the attacks the pen test tried, on a real Postgres:
// a string that used to break the chain for good, an event forged by the app's
// own database role, a row changed and the newest events removed by the schema
// owner. `audit:verify` reports each one, naming the event, and keeps checking
// after every break.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditHash } from "@/lib/audit/chain";
import { makeCheckpoint, type Checkpoint } from "@/lib/audit/checkpoint";
import { auditKeyFrom, currentAuditKey, macOf } from "@/lib/audit/key";
import { recordAuditEvent } from "@/lib/audit/record";
import { chainHead, verifyAuditChain } from "@/lib/audit/verify";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { prepareSchema } from "@/lib/boot/database";
import { dropAppLogin, ensureAppLogin } from "@/lib/db/app-role";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { freshDatabase, withClient } from "./helpers";

let ownerUrl: string;
let appUrl: string;
let app: PrismaClient;
const login = `twelvefold_chain_${randomBytes(4).toString("hex")}`;
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  ownerUrl = await freshDatabase("twelvefold_chain");
  await prepareSchema(ownerUrl);
  appUrl = await ensureAppLogin(ownerUrl, login, randomBytes(18).toString("base64url"));
  app = createPrismaClient(appUrl, 2);
});

afterAll(async () => {
  await app.$disconnect();
  await dropAppLogin(ownerUrl, login).catch(() => {});
});

const verify = (checkpoint?: Checkpoint) => withClient(ownerUrl, (c) => verifyAuditChain(c, { checkpoint }));
/** Records an event marked by its target, so the test can find it again. */
const record = (marker: string, extra: Partial<Parameters<typeof recordAuditEvent>[1]> = {}) =>
  app.$transaction((tx) => recordAuditEvent(tx, { action: "team.updated", actorLabel: "chain test", targetType: "test", targetId: marker, ...extra }));
const asOwner = (sql: string, params: unknown[] = []) => withClient(ownerUrl, (c) => c.query(sql, params));
/** What only the schema owner can do: statements run with the trail's guard trigger off, in one transaction. */
const tamper = (...statements: string[]) =>
  withClient(ownerUrl, async (client) => {
    await client.query("BEGIN");
    await client.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
    for (const sql of statements) await client.query(sql);
    await client.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete");
    await client.query("COMMIT");
  });
const idOf = async (marker: string) => String((await asOwner("SELECT id FROM audit_events WHERE target_id = $1", [marker])).rows[0].id);

describe("strings that Postgres cannot hold as given", () => {
  it("no longer break the chain: an over-long email cut inside an emoji, NUL, lone surrogates anywhere in an event", async () => {
    // The pen test's request: an email over 254 characters, whose 254th code unit is half of a surrogate pair.
    const email = `${"a".repeat(253)}😀@example.test`;
    expect(await attemptSignIn(app, { email, password: "whatever password" }, { ipAddress: "192.0.2.1", userAgent: "ua\u0000\uD800" })).toEqual({ ok: false });
    await record("test.odd_strings", {
      targetId: "t\uDC00",
      after: { "k\uD800": ["\u0000", "😀", "\uDBFF"], nested: { when: new Date(0), n: 0.1 + 0.2, big: 1e21, gone: undefined } },
    });
    const stored = (await asOwner("SELECT actor_label FROM audit_events WHERE action = 'auth.sign_in_failed'")).rows[0].actor_label as string;
    expect(stored).toBe("a".repeat(253));
    expect(await verify()).toMatchObject({ ok: true, breaks: [], events: 2 });
  });
});

describe("the app's database role", () => {
  it("cannot insert into the trail directly", async () => {
    await expect(
      withClient(appUrl, (c) =>
        c.query("INSERT INTO audit_events (occurred_at, category, action, actor_label, seq, hash) VALUES (now(), 'security', 'x', 'x', 99, 'x')"),
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("cannot append anywhere but at the head", async () => {
    const head = (await withClient(ownerUrl, chainHead))!;
    const forgedAt = (seq: number, prev: string | null) =>
      withClient(appUrl, (c) =>
        c.query("SELECT audit_append(now(), 'security', 'x', NULL, 'x', NULL, NULL, NULL, NULL, NULL, NULL, NULL, $1, $2, $3, $4, $5)", [
          seq,
          prev,
          "a".repeat(64),
          "b".repeat(16),
          "c".repeat(64),
        ]),
      );
    await expect(forgedAt(Number(head.seq), head.hash)).rejects.toThrow(/does not follow the head/);
    await expect(forgedAt(Number(head.seq) + 1, "f".repeat(64))).rejects.toThrow(/does not follow the head/);
  });

  it("can append a well-formed event through audit_append, but without the key it is reported as forged", async () => {
    // The attacker has the app's database credentials and reads the code: the hash is easy, the MAC needs AUDIT_KEY.
    /** Appends a fake approval at the head, as the app's role can, keyed with `key`; its event id. */
    const forge = async (targetId: string, key: ReturnType<typeof auditKeyFrom>) => {
      const head = (await withClient(ownerUrl, chainHead))!;
      const seq = String(BigInt(head.seq) + 1n);
      const content = {
        occurredAt: new Date(),
        category: "change" as const,
        action: "assessment.approved",
        actorId: null,
        actorLabel: "lead@demo.test",
        teamId: null,
        targetType: "assessment",
        targetId,
        ipAddress: null,
        userAgent: null,
        before: null,
        after: { status: "completed" },
      };
      const hash = auditHash(head.hash, content, { seq, keyId: key.id });
      await withClient(appUrl, (c) =>
        c.query(
          "SELECT audit_append($1, 'change', 'assessment.approved', NULL, 'lead@demo.test', NULL, 'assessment', $2, NULL, NULL, NULL, $3, $4, $5, $6, $7, $8)",
          [content.occurredAt, targetId, JSON.stringify(content.after), seq, head.hash, hash, key.id, macOf(key, hash)],
        ),
      );
      return String((await asOwner("SELECT id FROM audit_events WHERE target_id = $1", [targetId])).rows[0].id);
    };
    // Under a key of its own: the hash and the link are right, the key is none of Twelvefold's.
    const guess = auditKeyFrom("not the audit key, but as long as one");
    const forged = await forge("forged", guess);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([expect.objectContaining({ id: forged, kind: "unknown key" })]);

    // With the real key's id but not its secret, it is plainly forged.
    const forged2 = await forge("forged-2", { ...guess, id: currentAuditKey().id });
    expect((await verify()).breaks).toEqual([
      expect.objectContaining({ id: forged, kind: "unknown key" }),
      expect.objectContaining({ id: forged2, kind: "forged" }),
    ]);
  });
});

describe("the schema owner", () => {
  it("changing a row with the trigger disabled, and deleting one in the middle, are each reported, and checking goes on", async () => {
    for (const marker of ["test.a", "test.b", "test.c", "test.d"]) await record(marker);
    const [b, c] = [await idOf("test.b"), await idOf("test.c")];
    await tamper("UPDATE audit_events SET actor_label = 'someone else' WHERE target_id = 'test.b'", "DELETE FROM audit_events WHERE target_id = 'test.c'");
    const d = await idOf("test.d");
    const report = await verify();
    expect(report.breaks.slice(2)).toEqual([
      expect.objectContaining({ id: b, kind: "content changed" }),
      expect.objectContaining({ id: d, kind: "gap" }),
      expect.objectContaining({ id: d, kind: "link broken" }),
    ]);
    expect(Number(c)).toBeLessThan(Number(d));
  });

  it("deleting the newest events is caught against a checkpoint kept outside the database", async () => {
    await record("test.e");
    const checkpoint = makeCheckpoint(currentAuditKey(), (await withClient(ownerUrl, chainHead))!, new Date());
    await record("test.f");
    // Before anything is removed, the checkpoint verifies.
    expect((await verify(checkpoint)).breaks.filter((b) => b.kind === "checkpoint")).toEqual([]);
    await tamper("DELETE FROM audit_events WHERE target_id IN ('test.e', 'test.f')");
    // Without the checkpoint a removed tail leaves no trace in the database itself…
    expect((await verify()).breaks.some((b) => b.kind === "checkpoint")).toBe(false);
    // …with it, the removal is named.
    expect((await verify(checkpoint)).breaks.at(-1)).toMatchObject({ id: checkpoint.id, kind: "checkpoint", detail: expect.stringContaining("removed") });
    // A checkpoint whose head was edited does not verify.
    const edited = { ...checkpoint, seq: "1" };
    expect((await verify(edited)).breaks).toContainEqual(expect.objectContaining({ kind: "checkpoint", detail: expect.stringContaining("signature") }));
  });

  it("signs checkpoints that openssl verifies with the public key they name, over the checkpoint without its signature", async () => {
    const checkpoint = makeCheckpoint(currentAuditKey(), (await withClient(ownerUrl, chainHead))!, new Date());
    const dir = await mkdtemp(path.join(tmpdir(), "twelvefold-openssl-"));
    const { canonicalJson } = await import("@/lib/canonical-json");
    await writeFile(path.join(dir, "key.pem"), checkpoint.publicKey);
    await writeFile(path.join(dir, "signed"), canonicalJson({ ...checkpoint, signature: undefined }));
    await writeFile(path.join(dir, "sig"), Buffer.from(checkpoint.signature, "base64"));
    const openssl = (signed: string) =>
      promisify(execFile)("openssl", [
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        path.join(dir, "key.pem"),
        "-rawin",
        "-in",
        path.join(dir, signed),
        "-sigfile",
        path.join(dir, "sig"),
      ]);
    expect((await openssl("signed")).stdout).toContain("Signature Verified Successfully");
    await writeFile(path.join(dir, "edited"), canonicalJson({ ...checkpoint, seq: "1", signature: undefined }));
    await expect(openssl("edited")).rejects.toThrow();
  });

  it("npm run audit:verify lists every break, each with its event, and exits 1", async () => {
    const checkpoint = makeCheckpoint(currentAuditKey(), (await withClient(ownerUrl, chainHead))!, new Date());
    const dir = await mkdtemp(path.join(tmpdir(), "twelvefold-checkpoint-"));
    await writeFile(path.join(dir, "cp.json"), JSON.stringify(checkpoint));
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--checkpoint", path.join(dir, "cp.json")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: ownerUrl, MIGRATION_DATABASE_URL: "" },
    });
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const report = await verify(checkpoint);
    expect(report.breaks.length).toBeGreaterThanOrEqual(5);
    // Read in batches of any size, the chain gives the same report.
    expect(await withClient(ownerUrl, (c) => verifyAuditChain(c, { checkpoint, batch: 2 }))).toEqual(report);
    for (const b of report.breaks) expect(failure!.stderr).toContain(`event ${b.id} (seq ${b.seq}): ${b.kind}`);
  });
});
