import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditKeyFrom, macMatches, macOf } from "./key";

const saved = { DATA_DIR: process.env.DATA_DIR, AUDIT_KEY: process.env.AUDIT_KEY, AUDIT_KEY_PREVIOUS: process.env.AUDIT_KEY_PREVIOUS };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

/** key.ts and env.ts afresh, reading the environment as it is now. */
async function freshKeys(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  return import("./key");
}

describe("the audit key", () => {
  it("names itself by an id that does not reveal it, and its MAC verifies only under it", () => {
    const key = auditKeyFrom("a".repeat(40));
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(auditKeyFrom("a".repeat(40)).id).toBe(key.id);
    expect(auditKeyFrom("b".repeat(40)).id).not.toBe(key.id);
    const hash = "c".repeat(64);
    expect(macMatches(key, hash, macOf(key, hash))).toBe(true);
    expect(macMatches(auditKeyFrom("b".repeat(40)), hash, macOf(key, hash))).toBe(false);
    expect(macMatches(key, hash, "not a mac")).toBe(false);
  });

  it("comes from AUDIT_KEY, with AUDIT_KEY_PREVIOUS known for verification", async () => {
    const keys = await freshKeys({ AUDIT_KEY: "k".repeat(40), AUDIT_KEY_PREVIOUS: ` ${"p".repeat(40)} , ${"q".repeat(40)}` });
    expect(keys.currentAuditKey().id).toBe(auditKeyFrom("k".repeat(40)).id);
    expect([...keys.knownAuditKeys().keys()]).toEqual([auditKeyFrom("k".repeat(40)).id, auditKeyFrom("p".repeat(40)).id, auditKeyFrom("q".repeat(40)).id]);
  });

  it("is otherwise generated once into DATA_DIR/audit-key, mode 600, and read back by every later process", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "twelvefold-key-"));
    const first = (await freshKeys({ AUDIT_KEY: undefined, DATA_DIR: dir })).currentAuditKey();
    const file = path.join(dir, "audit-key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").length).toBeGreaterThanOrEqual(43);
    const again = (await freshKeys({ AUDIT_KEY: undefined, DATA_DIR: dir })).currentAuditKey();
    expect(again.id).toBe(first.id);
  });

  it("is a clear configuration error when it is neither set nor storable", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "twelvefold-key-"));
    writeFileSync(path.join(dir, "a-file"), "");
    const keys = await freshKeys({ AUDIT_KEY: undefined, DATA_DIR: path.join(dir, "a-file", "data") });
    expect(() => keys.currentAuditKey()).toThrow(/AUDIT_KEY is not set/);
  });
});
