import "server-only";
import { findingEventKinds, findingStatuses } from "../../vocabulary/findings";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal, TeamAction } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { maxRiskAcceptanceDays } from "../../findings/settings";
import type { Prisma } from "../../generated/prisma/client";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

/** Locks a finding the principal may read, and checks the right to change it. */
async function lockFinding(tx: Tx, principal: Principal, findingId: string, action: TeamAction) {
  await tx.$queryRaw`SELECT id FROM findings WHERE id = ${findingId}::uuid FOR UPDATE`;
  const finding = await tx.finding.findFirst({
    where: { id: findingId, service: servicesVisibleTo(principal) },
    include: { service: { select: { teamId: true } }, owner: { select: { id: true, name: true } } },
  });
  if (!finding) throw new NotFoundError();
  assertTeamPermission(principal, action, finding.service.teamId);
  return finding;
}

async function trail(
  tx: Tx,
  principal: Principal,
  finding: { id: string; service: { teamId: string } },
  event: {
    kind: "OWNER_CHANGED" | "DUE_DATE_CHANGED" | "STATUS_CHANGED" | "RISK_ACCEPTED";
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

const notResolved = (status: string) => {
  if (status === "RESOLVED") throw new ValidationError("This finding is resolved; it changes again only if an assessment reopens it.");
};

/** Gives a finding an owner from the team's members, or none. */
export async function assignOwner(principal: Principal, input: { findingId: string; ownerId: string | null }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.manage");
    notResolved(finding.status);
    let owner: { id: string; name: string } | null = null;
    if (input.ownerId) {
      const member = await tx.membership.findFirst({
        where: { teamId: finding.service.teamId, userId: input.ownerId, user: { disabledAt: null } },
        select: { user: { select: { id: true, name: true } } },
      });
      if (!member) throw new ValidationError("The owner must be a member of the service's team.", { ownerId: ["Choose a member of the team."] });
      owner = member.user;
    }
    if ((finding.ownerId ?? null) === (owner?.id ?? null)) return;
    await tx.finding.update({ where: { id: finding.id }, data: { ownerId: owner?.id ?? null } });
    await trail(tx, principal, finding, {
      kind: "OWNER_CHANGED",
      detail: { from: finding.owner?.name ?? "", to: owner?.name ?? "" },
      before: { ownerId: finding.ownerId },
      after: { ownerId: owner?.id ?? null },
    });
  });
}

/** Moves a due date, with a reason kept in the history. */
export async function setDueDate(principal: Principal, input: { findingId: string; dueOn: string; reason: string }, now: Date = new Date()): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.manage");
    notResolved(finding.status);
    const due = new Date(`${input.dueOn}T23:59:59.999Z`);
    if (due <= now) throw new ValidationError("Choose a due date in the future.", { dueOn: ["Choose a date in the future."] });
    await tx.finding.update({ where: { id: finding.id }, data: { dueDate: due } });
    await trail(tx, principal, finding, {
      kind: "DUE_DATE_CHANGED",
      detail: { from: finding.dueDate?.toISOString() ?? "", to: due.toISOString(), reason: input.reason },
      before: { dueDate: finding.dueDate?.toISOString() ?? null },
      after: { dueDate: due.toISOString(), reason: input.reason },
    });
  });
}

/** Marks work as started, or back to open. Resolution comes only from an approved assessment. */
export async function setProgress(principal: Principal, input: { findingId: string; status: "open" | "in_progress" }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.manage");
    notResolved(finding.status);
    const to = input.status === "open" ? "OPEN" : "IN_PROGRESS";
    if (finding.status === to) return;
    if (finding.status === "RISK_ACCEPTED") {
      // Ending an acceptance early is allowed; the history keeps what it was.
      await tx.finding.update({
        where: { id: finding.id },
        data: { status: to, riskAcceptanceReason: null, riskAcceptedById: null, riskAcceptedAt: null, riskAcceptanceExpiresAt: null },
      });
    } else {
      await tx.finding.update({ where: { id: finding.id }, data: { status: to } });
    }
    await trail(tx, principal, finding, {
      kind: "STATUS_CHANGED",
      detail: { from: findingStatuses.fromDb(finding.status), to: input.status },
      before: { status: findingStatuses.fromDb(finding.status) },
      after: { status: input.status },
    });
  });
}

/**
 * A lead accepts a finding's risk for a while: a reason, an expiry within the
 * configured maximum, and the approver recorded. It lapses by itself.
 */
export async function acceptRisk(principal: Principal, input: { findingId: string; reason: string; expiresOn: string }, now: Date = new Date()): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.acceptRisk");
    notResolved(finding.status);
    const expires = new Date(`${input.expiresOn}T23:59:59.999Z`);
    const max = maxRiskAcceptanceDays();
    if (expires <= now) throw new ValidationError("Choose an expiry date in the future.", { expiresOn: ["Choose a date in the future."] });
    if (expires.getTime() - now.getTime() > max * DAY) {
      throw new ValidationError(`A risk can be accepted for at most ${max} days.`, { expiresOn: [`At most ${max} days from today.`] });
    }
    await tx.finding.update({
      where: { id: finding.id },
      data: {
        status: "RISK_ACCEPTED",
        riskAcceptanceReason: input.reason,
        riskAcceptedById: principal.userId,
        riskAcceptedAt: now,
        riskAcceptanceExpiresAt: expires,
      },
    });
    await trail(tx, principal, finding, {
      kind: "RISK_ACCEPTED",
      detail: { reason: input.reason, expiresAt: expires.toISOString(), from: findingStatuses.fromDb(finding.status) },
      before: { status: findingStatuses.fromDb(finding.status) },
      after: { status: "risk_accepted", reason: input.reason, expiresAt: expires.toISOString() },
    });
  });
}

export async function addFindingComment(principal: Principal, input: { findingId: string; body: string }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.comment");
    const comment = await tx.comment.create({ data: { findingId: finding.id, authorId: principal.userId, body: input.body } });
    await recordAuditEvent(tx, {
      action: "finding.commented",
      ...actorOf(principal),
      ...about("finding", finding.id, finding.service.teamId),
      after: { commentId: comment.id, body: input.body },
    });
  });
}
