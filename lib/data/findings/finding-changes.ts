import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal, TeamAction } from "../../auth/policy";
import { slaPolicy } from "../../findings/settings";
import { dueDateFor } from "../../findings/sla";
import type { Prisma } from "../../generated/prisma/client";
import { findingEventKinds, findingStatuses } from "../../vocabulary/findings";
import { severities, type Severity } from "../../vocabulary/levels";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";
import { raiseEvent } from "../../notify/raise";

export type Tx = Prisma.TransactionClient;

/**
 * A change a lead makes to a finding, the same whether made to one finding or
 * to several at once: each is checked, applied and written to the finding's
 * history and the audit trail alike.
 */
export type FindingChange =
  | { kind: "owner"; ownerId: string | null }
  | { kind: "due"; dueOn: string; reason: string }
  | { kind: "progress"; status: "open" | "in_progress" }
  | { kind: "severity"; severity: Severity; reason: string };

/**
 * Locks findings the principal may read (in id order, so two changes to
 * overlapping sets cannot deadlock), and checks the right to change each. Any
 * one missing or out of reach refuses them all.
 */
export async function lockFindings(tx: Tx, principal: Principal, findingIds: readonly string[], action: TeamAction) {
  const ids = [...new Set(findingIds)].sort();
  await tx.$queryRaw`SELECT id FROM findings WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  const findings = await tx.finding.findMany({
    where: { id: { in: ids }, service: servicesVisibleTo(principal) },
    include: { service: { select: { teamId: true } }, owner: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
  });
  if (findings.length !== ids.length) throw new NotFoundError();
  for (const finding of findings) assertTeamPermission(principal, action, finding.service.teamId);
  return findings;
}

/** Locks a finding the principal may read, and checks the right to change it. */
export async function lockFinding(tx: Tx, principal: Principal, findingId: string, action: TeamAction) {
  return (await lockFindings(tx, principal, [findingId], action))[0]!;
}

export type LockedFinding = Awaited<ReturnType<typeof lockFinding>>;

export async function trail(
  tx: Tx,
  principal: Principal,
  finding: { id: string; service: { teamId: string } },
  event: {
    kind: "OWNER_CHANGED" | "DUE_DATE_CHANGED" | "STATUS_CHANGED" | "RISK_ACCEPTED" | "SEVERITY_CHANGED";
    /** What the finding's history shows. */
    detail: Record<string, string>;
    /** What the audit trail records. */
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  },
) {
  const { kind, detail, before, after } = event;
  await tx.findingEvent.create({ data: { findingId: finding.id, kind, actorId: principal.userId, detail } });
  await recordAuditEvent(tx, {
    action: `finding.${findingEventKinds.fromDb(kind)}` as const,
    ...actorOf(principal),
    ...about("finding", finding.id, finding.service.teamId),
    before,
    after,
  });
}

export const notResolved = (finding: { status: string; itemId: string }) => {
  if (finding.status === "RESOLVED") throw new ValidationError(`${finding.itemId} is resolved; it changes again only if an assessment reopens it.`);
};

/** Applies one change to a locked, unresolved finding; false when it already was so (nothing written). */
export async function applyFindingChange(tx: Tx, principal: Principal, finding: LockedFinding, change: FindingChange, now: Date): Promise<boolean> {
  notResolved(finding);
  switch (change.kind) {
    case "owner": {
      let owner: { id: string; name: string } | null = null;
      if (change.ownerId) {
        const member = await tx.membership.findFirst({
          where: { teamId: finding.service.teamId, userId: change.ownerId, user: { disabledAt: null } },
          select: { user: { select: { id: true, name: true } } },
        });
        if (!member) throw new ValidationError("The owner must be a member of the service's team.", { ownerId: ["Choose a member of the team."] });
        owner = member.user;
      }
      if ((finding.ownerId ?? null) === (owner?.id ?? null)) return false;
      await tx.finding.update({ where: { id: finding.id }, data: { ownerId: owner?.id ?? null } });
      await trail(tx, principal, finding, {
        kind: "OWNER_CHANGED",
        detail: { from: finding.owner?.name ?? "", to: owner?.name ?? "" },
        before: { ownerId: finding.ownerId },
        after: { ownerId: owner?.id ?? null },
      });
      if (owner) {
        await raiseEvent(tx, {
          kind: "finding.assigned",
          key: `finding.assigned:${finding.id}:${owner.id}:${now.toISOString()}`,
          teamId: finding.service.teamId,
          subject: { type: "finding", id: finding.id },
          path: `/findings/${finding.id}`,
          title: `Assigned to you: ${finding.title}`,
          summary: `A ${finding.severity.toLowerCase()} finding${finding.dueDate ? `, due ${finding.dueDate.toISOString().slice(0, 10)}` : ""}; ${principal.name} made you its owner.`,
          userIds: [owner.id],
          actorId: principal.userId,
          occurredAt: now,
        });
      }
      return true;
    }
    case "due": {
      const due = new Date(`${change.dueOn}T23:59:59.999Z`);
      if (due <= now) throw new ValidationError("Choose a due date in the future.", { dueOn: ["Choose a date in the future."] });
      if (finding.dueDate?.getTime() === due.getTime()) return false;
      await tx.finding.update({ where: { id: finding.id }, data: { dueDate: due } });
      await trail(tx, principal, finding, {
        kind: "DUE_DATE_CHANGED",
        detail: { from: finding.dueDate?.toISOString() ?? "", to: due.toISOString(), reason: change.reason },
        before: { dueDate: finding.dueDate?.toISOString() ?? null },
        after: { dueDate: due.toISOString(), reason: change.reason },
      });
      return true;
    }
    case "progress": {
      const to = findingStatuses.toDb(change.status);
      if (finding.status === to) return false;
      // Ending an acceptance early is allowed; the history keeps what it was.
      const endAcceptance = { riskAcceptanceReason: null, riskAcceptedById: null, riskAcceptedAt: null, riskAcceptanceExpiresAt: null };
      await tx.finding.update({ where: { id: finding.id }, data: { status: to, ...(finding.status === "RISK_ACCEPTED" ? endAcceptance : {}) } });
      await trail(tx, principal, finding, {
        kind: "STATUS_CHANGED",
        detail: { from: findingStatuses.fromDb(finding.status), to: change.status },
        before: { status: findingStatuses.fromDb(finding.status) },
        after: { status: change.status },
      });
      return true;
    }
    case "severity": {
      // The due date follows the new severity from when the finding opened.
      const from = severities.fromDb(finding.severity);
      if (from === change.severity) return false;
      const dueDate = dueDateFor(change.severity, finding.openedAt, slaPolicy());
      await tx.finding.update({ where: { id: finding.id }, data: { severity: severities.toDb(change.severity), dueDate } });
      await trail(tx, principal, finding, {
        kind: "SEVERITY_CHANGED",
        detail: { from, to: change.severity, reason: change.reason },
        before: { severity: from, dueDate: finding.dueDate?.toISOString() ?? null },
        after: { severity: change.severity, dueDate: dueDate.toISOString(), reason: change.reason },
      });
      return true;
    }
  }
}
