// Secrets the notification system keeps, keyed from the audit key that only the
// app's processes hold (lib/audit/key.ts), so a copy of the database alone
// neither signs a webhook nor unsubscribes anyone:
// - a webhook's signing secret is sealed (AES-256-GCM), naming the key it was
//   sealed with, and opened with any key the processes know (rotation);
// - a one-click unsubscribe link carries an HMAC of the person and the kind.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { currentAuditKey, knownAuditKeys, type AuditKey } from "../audit/key";

function derived(key: AuditKey, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", key.secret, Buffer.alloc(0), `twelvefold ${purpose}`, 32));
}

export function sealSecret(secret: string): string {
  const key = currentAuditKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derived(key, "webhook secret"), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${key.id}.${iv.toString("base64url")}.${sealed.toString("base64url")}`;
}

export class SealError extends Error {}

export function openSecret(sealed: string): string {
  const [keyId, iv, body] = sealed.split(".");
  const key = keyId ? knownAuditKeys().get(keyId) : undefined;
  if (!key || !iv || !body) throw new SealError("sealed with a key this process does not hold (AUDIT_KEY or AUDIT_KEY_PREVIOUS)");
  const bytes = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", derived(key, "webhook secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
}

/** A new Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

function unsubscribeMac(key: AuditKey, userId: string, kind: string): Buffer {
  return createHmac("sha256", derived(key, "unsubscribe")).update(`${userId}\n${kind}`).digest();
}

/** The token of a one-click unsubscribe link: who, which kind, and a MAC of both. */
export function unsubscribeToken(userId: string, kind: string): string {
  const key = currentAuditKey();
  return `${Buffer.from(`${userId}\n${kind}`).toString("base64url")}.${key.id}.${unsubscribeMac(key, userId, kind).toString("base64url")}`;
}

/** The person and kind a token names, or null when it was not made by Twelvefold. */
export function readUnsubscribeToken(token: string): { userId: string; kind: string } | null {
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 400) return null;
  const [body, keyId, mac] = parts as [string, string, string];
  const key = knownAuditKeys().get(keyId);
  const [userId, kind, extra] = Buffer.from(body, "base64url").toString("utf8").split("\n");
  if (!key || !userId || !kind || extra !== undefined) return null;
  const expected = unsubscribeMac(key, userId, kind);
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
}
