// API tokens: 256 random bits behind a recognisable prefix. Only the SHA-256 of
// a token is stored (it is random, so a fast hash is enough); the token itself
// is shown once, when it is created.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PATTERN = /^tf_[A-Za-z0-9_-]{43}$/;

export function newApiToken(): string {
  return `tf_${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The part shown in lists and audit events, to recognise a token without revealing it. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 10);
}

/** The token in an `Authorization: Bearer …` header, if it has a token's shape. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? "");
  return match && TOKEN_PATTERN.test(match[1]!) ? match[1]! : null;
}

/** Integration tokens (the catalogue sync, SCIM) look different, so neither kind is mistaken for the other. */
export const INTEGRATION_TOKEN_PATTERN = /^tfi_[A-Za-z0-9_-]{43}$/;

export function newIntegrationToken(): string {
  return `tfi_${randomBytes(32).toString("base64url")}`;
}

/** The integration token in an `Authorization: Bearer …` header, if it has that shape. */
export function bearerIntegrationToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? "");
  return match && INTEGRATION_TOKEN_PATTERN.test(match[1]!) ? match[1]! : null;
}

export const TOKEN_LIFETIME_DAYS = [7, 30, 90, 180, 365] as const;
