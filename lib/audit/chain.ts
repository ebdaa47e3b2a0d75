// The audit trail's hash chain: each event's hash covers its content, its place
// in the chain and the previous event's hash, so changing, removing or
// reordering any row breaks the chain there; and each hash is keyed (an HMAC
// under the audit key, lib/audit/key.ts), so nobody without the key can add a
// link that verifies. Pure, shared by the writer and the verifier.
import { canonicalJson, sha256Hex } from "../canonical-json";
import { cleanDeep, cleanText } from "../text/clean";

import type { AuditCategory } from "../vocabulary/records";

export type { AuditCategory };

export interface AuditContent {
  occurredAt: Date;
  category: AuditCategory;
  action: string;
  actorId: string | null;
  actorLabel: string;
  teamId: string | null;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
}

/** Where a keyed event stands: its position and the key its MAC is made with. */
export interface ChainLink {
  seq: string;
  keyId: string;
}

/**
 * The event's hash. Keyed events (every event since the chain was keyed) also
 * cover their position and key id; events written before that (no key id) were
 * hashed over their content alone, and are checked as they were written.
 */
export function auditHash(prevHash: string | null, content: AuditContent, link: ChainLink | null): string {
  const body = { ...content, occurredAt: content.occurredAt.toISOString(), ...(link ? { seq: link.seq, keyId: link.keyId } : {}) };
  return sha256Hex(`${prevHash ?? ""}\n${canonicalJson(body)}`);
}

/**
 * The content exactly as Postgres will hold it, and so as the verifier will read
 * it back: well-formed strings with no NUL (lib/text/clean.ts), JSON values as
 * JSON (dates as ISO strings, undefined dropped), the time to the millisecond.
 * The hash is computed over this, never over what was handed in.
 */
export function storedForm(content: AuditContent): AuditContent {
  const json = (value: unknown) => (value === undefined || value === null ? null : cleanDeep(JSON.parse(JSON.stringify(value)) as unknown));
  const text = (value: string | null) => (value === null ? null : cleanText(value));
  return {
    occurredAt: new Date(content.occurredAt.getTime()),
    category: content.category,
    action: cleanText(content.action),
    actorId: content.actorId,
    actorLabel: cleanText(content.actorLabel),
    teamId: content.teamId,
    targetType: text(content.targetType),
    targetId: text(content.targetId),
    ipAddress: text(content.ipAddress),
    userAgent: text(content.userAgent),
    before: json(content.before),
    after: json(content.after),
  };
}
