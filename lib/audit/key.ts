// The audit key: keys the chain (an HMAC-SHA256 of each event's hash) and
// signs checkpoints of its head (Ed25519, from a key derived from it). The app's
// processes hold it; no database role does, so whoever can write rows (the app's
// role, the schema owner) still cannot make an event or checkpoint that verifies.
// AUDIT_KEY from the environment, or one generated once into DATA_DIR/audit-key
// (mode 600) for the embedded default, where every local process shares it.
import { createHash, createHmac, createPrivateKey, createPublicKey, hkdfSync, randomBytes, timingSafeEqual, type KeyObject } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, getEnv } from "../env";

export interface AuditKey {
  /** 16 hex characters naming the key (not revealing it), stored on each event. */
  id: string;
  secret: Buffer;
}

export function auditKeyFrom(secret: string): AuditKey {
  const bytes = Buffer.from(secret.trim(), "utf8");
  return { id: createHash("sha256").update("twelvefold audit key id\n").update(bytes).digest("hex").slice(0, 16), secret: bytes };
}

export function macOf(key: AuditKey, hash: string): string {
  return createHmac("sha256", key.secret).update(hash).digest("hex");
}

export function macMatches(key: AuditKey, hash: string, mac: string): boolean {
  const expected = Buffer.from(macOf(key, hash), "hex");
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(mac) ? mac : "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8 = Buffer.from("302e020100300506032b657004220420", "hex");

/** The checkpoint signing key pair, derived from the audit key (HKDF-SHA256). */
export function checkpointKeys(key: AuditKey): { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string } {
  const seed = Buffer.from(hkdfSync("sha256", key.secret, Buffer.alloc(0), "twelvefold audit checkpoint ed25519", 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString() };
}

let current: AuditKey | undefined;

/** The key new events are keyed with. */
export function currentAuditKey(): AuditKey {
  current ??= auditKeyFrom(getEnv().AUDIT_KEY ?? keptKey(getEnv().DATA_DIR));
  return current;
}

/** Every key an event may carry: the current one and those it replaced, by id. */
export function knownAuditKeys(): Map<string, AuditKey> {
  const previous = (getEnv().AUDIT_KEY_PREVIOUS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map(auditKeyFrom);
  return new Map([currentAuditKey(), ...previous].map((k) => [k.id, k]));
}

/** DATA_DIR/audit-key, made once: the first of several processes starting together wins, the rest read it. */
function keptKey(dataDir: string): string {
  const file = path.resolve(dataDir, "audit-key");
  if (!existsSync(file)) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
      try {
        linkSync(draft, file); // atomic; fails if another process got there first
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      } finally {
        rmSync(draft, { force: true });
      }
    } catch (error) {
      if (!existsSync(file)) {
        throw new ConfigError([`AUDIT_KEY is not set and ${file} cannot be written (${(error as Error).message}): set AUDIT_KEY (32+ characters)`]);
      }
    }
  }
  return readFileSync(file, "utf8").trim();
}
