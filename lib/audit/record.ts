import type { Prisma } from "../generated/prisma/client";
import { auditHash, type AuditCategory, type AuditContent } from "./chain";
import { queueSecurityLog } from "./security-log";

// Serialises writers so each event chains to the one before it, across every
// instance (a transaction-scoped advisory lock, released at commit).
const CHAIN_LOCK = 0x7457_4175;

export type AuditInput = Partial<Omit<AuditContent, "category" | "action" | "actorLabel">> & {
  category: AuditCategory;
  action: string;
  actorLabel: string;
};

/** The actor fields of an event made by a signed-in principal, or by an API token on its creator's behalf. */
export function actorOf(principal: { userId: string; email: string; apiToken?: { name: string; prefix: string } }) {
  const label = principal.apiToken ? `API token ${principal.apiToken.prefix}… "${principal.apiToken.name}" of ${principal.email}` : principal.email;
  return { actorId: principal.userId, actorLabel: label.slice(0, 300) };
}

/** Appends an event in the caller's transaction: it commits with the change it records, or not at all. */
export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`;
  const content: AuditContent = {
    occurredAt: input.occurredAt ?? new Date(),
    category: input.category,
    action: input.action,
    actorId: input.actorId ?? null,
    actorLabel: input.actorLabel,
    teamId: input.teamId ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  };
  const prevHash = last?.hash ?? null;
  const hash = auditHash(prevHash, content);
  await tx.auditEvent.create({
    data: {
      ...content,
      category: content.category.toUpperCase() as "SECURITY" | "CHANGE" | "ACCESS",
      before: (content.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (content.after ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash,
    },
  });
  // Written to the log stream when (and only if) the transaction commits; see lib/db/client.ts.
  const { occurredAt, category, action, actorId, teamId, targetType, targetId } = content;
  queueSecurityLog(tx, { occurredAt, category, action, actorId, teamId, targetType, targetId, hash });
}
