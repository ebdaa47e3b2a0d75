// The audit trail's hash chain: each event's hash covers its content and the
// previous event's hash, so changing, removing or reordering any row breaks
// every hash after it. Pure, shared by the writer and the verifier.
import { canonicalJson, sha256Hex } from "../canonical-json";

export type AuditCategory = "security" | "change" | "access";

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

export function auditHash(prevHash: string | null, content: AuditContent): string {
  return sha256Hex(`${prevHash ?? ""}\n${canonicalJson({ ...content, occurredAt: content.occurredAt.toISOString() })}`);
}
