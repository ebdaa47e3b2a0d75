// Four eyes on risk: for severities the programme setting names, a lead's
// acceptance is a request, and a second lead of the team (never the one who
// asked) approves or rejects it. Both people go into the finding's history,
// the audit trail and the assessment report.
import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { raiseEvent } from "../../notify/raise";
import { findingStatuses } from "../../vocabulary/findings";
import { NotFoundError, ValidationError } from "../errors";
import { lockFinding, notResolved, trail, type LockedFinding, type Tx } from "./finding-changes";
import { acceptanceExpiry } from "./manage-finding";

interface Acceptance {
  reason: string;
  expires: Date;
}

/** Accepts the risk at once (no second lead needed, or the second lead approving). */
export async function applyAcceptance(
  tx: Tx,
  principal: Principal,
  finding: LockedFinding,
  acceptance: Acceptance,
  now: Date,
  requestedBy?: { id: string | null; name: string },
) {
  await tx.finding.update({
    where: { id: finding.id },
    data: {
      status: "RISK_ACCEPTED",
      riskAcceptanceReason: acceptance.reason,
      riskAcceptedById: principal.userId,
      riskAcceptedAt: now,
      riskAcceptanceExpiresAt: acceptance.expires,
    },
  });
  const from = findingStatuses.fromDb(finding.status);
  await trail(tx, principal, finding, {
    kind: "RISK_ACCEPTED",
    detail: { reason: acceptance.reason, expiresAt: acceptance.expires.toISOString(), from, ...(requestedBy ? { requestedBy: requestedBy.name } : {}) },
    before: { status: from },
    after: {
      status: "risk_accepted",
      reason: acceptance.reason,
      expiresAt: acceptance.expires.toISOString(),
      ...(requestedBy ? { requestedBy: requestedBy.id } : {}),
    },
  });
}

/** Records a request for a second lead, and tells the team's other leads. */
export async function requestAcceptance(tx: Tx, principal: Principal, finding: LockedFinding, acceptance: Acceptance, now: Date) {
  const pending = await tx.riskAcceptanceRequest.findFirst({ where: { findingId: finding.id, status: "PENDING" }, select: { id: true } });
  if (pending) throw new ValidationError("A risk acceptance for this finding already waits for a second lead.");
  await tx.riskAcceptanceRequest.create({
    data: { findingId: finding.id, reason: acceptance.reason, expiresAt: acceptance.expires, requestedById: principal.userId, requestedAt: now },
  });
  await tx.findingEvent.create({
    data: {
      findingId: finding.id,
      kind: "RISK_REQUESTED",
      actorId: principal.userId,
      occurredAt: now,
      detail: { reason: acceptance.reason, expiresAt: acceptance.expires.toISOString() },
    },
  });
  await recordAuditEvent(tx, {
    action: "finding.risk_requested",
    ...actorOf(principal),
    ...about("finding", finding.id, finding.service.teamId),
    after: { reason: acceptance.reason, expiresAt: acceptance.expires.toISOString() },
    occurredAt: now,
  });
  await raiseEvent(tx, {
    kind: "risk.requested",
    key: `risk.requested:${finding.id}:${now.toISOString()}`,
    teamId: finding.service.teamId,
    subject: { type: "finding", id: finding.id },
    path: `/findings/${finding.id}`,
    title: `${principal.name} asks to accept the risk of: ${finding.title}`,
    summary: `A ${finding.severity.toLowerCase()} finding; until ${acceptance.expires.toISOString().slice(0, 10)}, because: ${acceptance.reason}. A second lead approves or rejects it.`,
    actorId: principal.userId,
    occurredAt: now,
  });
}

/** A second lead approves or rejects the pending request on a finding. */
export async function decideRiskRequest(
  principal: Principal,
  input: { findingId: string; decision: "approve" | "reject"; note: string },
  now: Date = new Date(),
): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.acceptRisk");
    const request = await tx.riskAcceptanceRequest.findFirst({
      where: { findingId: finding.id, status: "PENDING" },
      include: { requestedBy: { select: { id: true, name: true } } },
    });
    if (!request) throw new NotFoundError();
    if (request.requestedById === principal.userId) throw new ValidationError("A second lead must decide: you asked for this acceptance.");
    if (input.decision === "approve") {
      notResolved(finding);
      // The expiry is checked again: the maximum, or the day, may have passed since the request.
      await applyAcceptance(
        tx,
        principal,
        finding,
        { reason: request.reason, expires: acceptanceExpiry(request.expiresAt.toISOString().slice(0, 10), now) },
        now,
        {
          id: request.requestedById,
          name: request.requestedBy?.name ?? "",
        },
      );
    } else {
      await tx.findingEvent.create({
        data: {
          findingId: finding.id,
          kind: "RISK_REJECTED",
          actorId: principal.userId,
          occurredAt: now,
          detail: { note: input.note, requestedBy: request.requestedBy?.name ?? "" },
        },
      });
      await recordAuditEvent(tx, {
        action: "finding.risk_rejected",
        ...actorOf(principal),
        ...about("finding", finding.id, finding.service.teamId),
        before: { requestId: request.id, requestedBy: request.requestedById },
        after: { note: input.note },
        occurredAt: now,
      });
    }
    await tx.riskAcceptanceRequest.update({
      where: { id: request.id },
      data: { status: input.decision === "approve" ? "APPROVED" : "REJECTED", decidedById: principal.userId, decidedAt: now, decisionNote: input.note },
    });
    if (request.requestedById) {
      await raiseEvent(tx, {
        kind: "risk.decided",
        key: `risk.decided:${request.id}`,
        teamId: finding.service.teamId,
        subject: { type: "finding", id: finding.id },
        path: `/findings/${finding.id}`,
        title: `${principal.name} ${input.decision === "approve" ? "approved" : "rejected"} your risk acceptance: ${finding.title}`,
        summary: input.note || (input.decision === "approve" ? `Accepted until ${request.expiresAt.toISOString().slice(0, 10)}.` : "The finding stays open."),
        userIds: [request.requestedById],
        actorId: principal.userId,
        occurredAt: now,
      });
    }
  });
}
