import type { Prisma } from "../generated/prisma/client";
import { auditCategoryOf, type AuditAction } from "./actions";
import { auditHash, storedForm, type AuditContent } from "./chain";
import { currentAuditKey, macOf } from "./key";
import { queueSecurityLog } from "./security-log";

// Serialises writers so each event chains to the one before it, across every
// instance (a transaction-scoped advisory lock, released at commit). The
// database's audit_append() takes the same lock.
const CHAIN_LOCK = 0x7457_4175;

/** What a caller says of an event; its category follows from its action (lib/audit/actions.ts). */
export type AuditInput = Partial<Omit<AuditContent, "category" | "action" | "actorLabel">> & {
  action: AuditAction;
  actorLabel: string;
};

/** The actor fields of an event made by a signed-in principal, or by an API token on its creator's behalf. */
export function actorOf(principal: { userId: string; email: string; apiToken?: { name: string; prefix: string } }) {
  const label = principal.apiToken ? `API token ${principal.apiToken.prefix}… "${principal.apiToken.name}" of ${principal.email}` : principal.email;
  return { actorId: principal.userId, actorLabel: label.slice(0, 300) };
}

/** What an event is about: a record by type and id, and the team it belongs to (none for org-wide records). */
export function about(targetType: string, targetId: string, teamId: string | null = null) {
  return { targetType, targetId, teamId };
}

/** Where a request came from: its client's address and agent. */
export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
}

/** Where a request came from, as its audit event records it. */
export function requestOf(context: RequestContext) {
  return { ipAddress: context.ipAddress, userAgent: context.userAgent };
}

/** Who made a change, from where, and when: what an audited change by a principal in a request carries. */
export function eventBy(principal: Parameters<typeof actorOf>[0], context: RequestContext, now: Date) {
  return { ...actorOf(principal), ...requestOf(context), occurredAt: now };
}

/**
 * Appends an event in the caller's transaction: it commits with the change it
 * records, or not at all. Written through audit_append(), the only way the app's
 * database role can add to the trail: at the head, as the next link, with a MAC.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const [head] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1`;
  const content = storedForm({
    occurredAt: input.occurredAt ?? new Date(),
    category: auditCategoryOf(input.action),
    action: input.action,
    actorId: input.actorId ?? null,
    actorLabel: input.actorLabel,
    teamId: input.teamId ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent ?? null,
    before: input.before,
    after: input.after,
  });
  const key = currentAuditKey();
  const seq = (head?.seq ?? 0n) + 1n;
  const prevHash = head?.hash ?? null;
  const hash = auditHash(prevHash, content, { seq: seq.toString(), keyId: key.id });
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const c = content;
  const [row] = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT audit_append(${c.occurredAt}::timestamptz, ${c.category}::audit_category, ${c.action}, ${c.actorId}::uuid, ${c.actorLabel},
      ${c.teamId}::uuid, ${c.targetType}, ${c.targetId}, ${c.ipAddress}, ${c.userAgent}, ${json(c.before)}::jsonb, ${json(c.after)}::jsonb,
      ${seq}::bigint, ${prevHash}, ${hash}, ${key.id}, ${macOf(key, hash)}) AS id`;
  // Written to the log stream when (and only if) the transaction commits; see lib/db/client.ts.
  // Each line carries the new head (seq and hash): the log keeps an anchor of the chain outside the database.
  const { occurredAt, category, action, actorId, teamId, targetType, targetId } = content;
  queueSecurityLog(tx, { occurredAt, category, action, actorId, teamId, targetType, targetId, id: String(row!.id), seq: seq.toString(), hash });
}
