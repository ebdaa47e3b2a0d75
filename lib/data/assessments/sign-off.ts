import "server-only";
import { answerGap } from "../../assessments/answer-rules";
import { validationGap } from "../../assessments/validation";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { parseStoredFactors } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { recordTeamPosture } from "../../posture/record";
import { scoreAssessment, storedFactorScores } from "../../scoring/score";
import { ValidationError } from "../errors";
import { assertTeamPermission } from "../scope";
import { recordApproval } from "../campaigns/lifecycle";
import { recomputeEffectivePosture } from "../../posture/effective";
import { platformChanged } from "../platforms/propagate";
import { raiseEvent } from "../../notify/raise";
import { applyFindings, approvalAnswers } from "./apply-findings";
import { statusesOf } from "./compare-with-previous";
import { lockAssessment, type AssessmentRow } from "./load";
import { assessmentEventKinds } from "../../vocabulary/assessments";
import { answerStatuses } from "../../vocabulary/answers";

type Tx = Prisma.TransactionClient;

async function trail(
  tx: Tx,
  principal: Principal,
  assessment: AssessmentRow,
  kind: "SUBMITTED" | "RETURNED" | "APPROVED",
  now: Date,
  extra: { comment?: string; after?: Record<string, unknown> } = {},
) {
  await tx.assessmentEvent.create({
    data: { assessmentId: assessment.id, kind, actorId: principal.userId, actorLabel: principal.email, comment: extra.comment ?? "", occurredAt: now },
  });
  await recordAuditEvent(tx, {
    action: `assessment.${assessmentEventKinds.fromDb(kind)}` as const,
    ...actorOf(principal),
    ...about("assessment", assessment.id, assessment.teamId),
    before: { status: assessment.status.toLowerCase() },
    after: {
      status: kind === "SUBMITTED" ? "in_review" : kind === "RETURNED" ? "draft" : "completed",
      ...extra.after,
      ...(extra.comment ? { comment: extra.comment } : {}),
    },
    occurredAt: now,
  });
  const service = await tx.service.findUniqueOrThrow({ where: { id: assessment.serviceId }, select: { name: true } });
  const what = kind === "SUBMITTED" ? "submitted for sign-off" : kind === "RETURNED" ? "returned" : "approved";
  await raiseEvent(tx, {
    kind: kind === "SUBMITTED" ? "assessment.submitted" : kind === "RETURNED" ? "assessment.returned" : "assessment.approved",
    key: `assessment.${kind.toLowerCase()}:${assessment.id}:${now.toISOString()}`,
    teamId: assessment.teamId,
    subject: { type: "assessment", id: assessment.id },
    path: `/assessments/${assessment.id}`,
    title: `${service.name}: assessment ${what} by ${principal.name}`,
    summary:
      kind === "SUBMITTED"
        ? "Every item is answered; it waits for a lead to approve or return it."
        : kind === "RETURNED"
          ? `Returned with a comment: ${extra.comment ?? ""}`
          : `Approved with an overall score of ${String(extra.after?.overallScore ?? "n/a")}.`,
    // Submitted goes to the team's leads (the kind's role); returned and approved to the reviewers who worked on it.
    userIds: kind === "SUBMITTED" ? [] : await workedOn(tx, assessment.id),
    actorId: principal.userId,
    occurredAt: now,
  });
}

/** The people who started, submitted or answered an assessment. */
async function workedOn(tx: Tx, assessmentId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT started_by_id AS id FROM assessments WHERE id = ${assessmentId}::uuid AND started_by_id IS NOT NULL
    UNION SELECT actor_id FROM assessment_events WHERE assessment_id = ${assessmentId}::uuid AND kind = 'submitted' AND actor_id IS NOT NULL
    UNION SELECT DISTINCT updated_by_id FROM responses WHERE assessment_id = ${assessmentId}::uuid AND updated_by_id IS NOT NULL`;
  return rows.map((r) => r.id);
}

/**
 * Refuses sign-off while any answer waits for security: sent back to its
 * owner, or attested and neither validated nor left out by a drawn sample.
 */
async function assertValidated(tx: Tx, assessmentId: string): Promise<void> {
  const [assessment, responses] = await Promise.all([
    tx.assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { sampleItemIds: true, sampleDrawnAt: true } }),
    tx.response.findMany({
      where: { assessmentId, OR: [{ validation: null }, { validation: "SENT_BACK" }] },
      select: { itemId: true, status: true, carriedOver: true, validation: true, attestedAt: true },
      orderBy: { itemId: "asc" },
    }),
  ]);
  const sample = assessment.sampleDrawnAt ? { itemIds: assessment.sampleItemIds, drawnAt: assessment.sampleDrawnAt } : null;
  const gaps = responses
    .map((r) => ({
      itemId: r.itemId,
      gap: validationGap(
        r.itemId,
        {
          status: answerStatuses.fromDb(r.status),
          carriedOver: r.carriedOver,
          validation: r.validation === "SENT_BACK" ? "sent_back" : null,
          attestedAt: r.attestedAt,
        },
        sample,
      ),
    }))
    .filter((r) => r.gap !== null);
  if (gaps.length === 0) return;
  const named = gaps
    .slice(0, 5)
    .map((g) => `${g.itemId} (${g.gap})`)
    .join(", ");
  throw new ValidationError(
    `${gaps.length} answer${gaps.length === 1 ? " waits" : "s wait"} for security: ${named}${gaps.length > 5 ? ", …" : ""}. Validate them, or draw a validation sample.`,
  );
}

/** A reviewer hands a draft to the team's leads once every item is answered. */
export async function submitAssessment(principal: Principal, input: { assessmentId: string }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "update");
    assertTeamPermission(principal, "assessment.submit", assessment.teamId);
    if (assessment.status !== "DRAFT") throw new ValidationError("Only a draft can be submitted.");
    const responses = await tx.response.findMany({ where: { assessmentId: assessment.id }, orderBy: { itemId: "asc" } });
    const gaps = responses
      .map((r) => ({
        itemId: r.itemId,
        gap: answerGap({ status: answerStatuses.fromDb(r.status), justification: r.justification, carriedOver: r.carriedOver }),
      }))
      .filter((r) => r.gap !== null);
    if (gaps.length) {
      const sample = gaps
        .slice(0, 5)
        .map((g) => `${g.itemId} (${g.gap})`)
        .join(", ");
      throw new ValidationError(`${gaps.length} item${gaps.length === 1 ? " is" : "s are"} not ready: ${sample}${gaps.length > 5 ? ", …" : ""}.`);
    }
    await assertValidated(tx, assessment.id);
    const now = new Date();
    await tx.assessment.update({ where: { id: assessment.id }, data: { status: "IN_REVIEW", submittedById: principal.userId, submittedAt: now } });
    await trail(tx, principal, assessment, "SUBMITTED", now);
  });
}

/** A lead sends a submitted assessment back to draft, with a comment on the items it names. */
export async function returnAssessment(principal: Principal, input: { assessmentId: string; comment: string; itemIds: string[] }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "update");
    assertTeamPermission(principal, "assessment.approve", assessment.teamId);
    if (assessment.status !== "IN_REVIEW") throw new ValidationError("Only a submitted assessment can be returned.");
    const responses = await tx.response.findMany({ where: { assessmentId: assessment.id, itemId: { in: input.itemIds } }, select: { id: true, itemId: true } });
    const unknown = input.itemIds.filter((id) => !responses.some((r) => r.itemId === id));
    if (unknown.length) throw new ValidationError(`Not items of this assessment: ${unknown.join(", ")}.`);
    const now = new Date();
    await tx.assessment.update({ where: { id: assessment.id }, data: { status: "DRAFT", submittedAt: null, submittedById: null } });
    await tx.comment.createMany({
      data: [
        { assessmentId: assessment.id, authorId: principal.userId, body: input.comment, createdAt: now },
        ...responses.map((r) => ({ assessmentId: assessment.id, responseId: r.id, authorId: principal.userId, body: input.comment, createdAt: now })),
      ],
    });
    await trail(tx, principal, assessment, "RETURNED", now, { comment: input.comment, after: { items: input.itemIds } });
  });
}

/**
 * A lead approves: the assessment becomes completed and immutable with its
 * scores frozen, the service's latest score moves, and findings follow.
 */
export async function approveAssessment(principal: Principal, input: { assessmentId: string }): Promise<{ overall: number | null }> {
  return getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "update");
    assertTeamPermission(principal, "assessment.approve", assessment.teamId);
    if (assessment.status !== "IN_REVIEW") throw new ValidationError("Only a submitted assessment can be approved.");
    await assertValidated(tx, assessment.id);
    const [version, responses] = await Promise.all([
      tx.checklistVersion.findUniqueOrThrow({ where: { id: assessment.checklistVersionId }, select: { items: true } }),
      tx.response.findMany({ where: { assessmentId: assessment.id }, select: { itemId: true, status: true } }),
    ]);
    const items = parseStoredFactors(version.items).flatMap((f) => f.items);
    const statuses = statusesOf(responses);
    const score = scoreAssessment(items, statuses);
    const factorScores = storedFactorScores(score);
    const now = new Date();
    await tx.assessment.update({
      where: { id: assessment.id },
      data: {
        status: "COMPLETED",
        approvedById: principal.userId,
        approvedAt: now,
        overallScore: score.overall,
        factorScores,
      },
    });
    // The service's summary moves with its latest approval, in the same transaction.
    await tx.service.update({
      where: { id: assessment.serviceId },
      data: { latestScore: score.overall, latestFactorScores: factorScores, lastAssessedAt: now },
    });
    const findings = await applyFindings(tx, {
      serviceId: assessment.serviceId,
      assessmentId: assessment.id,
      actorId: principal.userId,
      now,
      answers: approvalAnswers(items, statuses),
    });
    // On platforms: its posture is its answers with theirs applied. A platform: the services on it follow, in the background.
    const platform = await tx.service.findUniqueOrThrow({
      where: { id: assessment.serviceId },
      select: { _count: { select: { platformsUsed: true, platformUsers: true } } },
    });
    // A new approval answers every open drift: its answers are the ones evidence is compared with from now on.
    const superseded = await tx.drift.updateMany({
      where: { serviceId: assessment.serviceId, resolvedAt: null },
      data: { resolvedAt: now, resolution: "A new assessment was approved" },
    });
    if (platform._count.platformsUsed > 0 || superseded.count > 0) await recomputeEffectivePosture(tx, [assessment.serviceId]);
    if (platform._count.platformUsers > 0) await platformChanged(tx, assessment.serviceId, `approval:${assessment.id}`);
    await recordTeamPosture(tx, assessment.teamId, now);
    await recordApproval(tx, { serviceId: assessment.serviceId, assessmentId: assessment.id, checklistVersionId: assessment.checklistVersionId, now });
    await trail(tx, principal, assessment, "APPROVED", now, { after: { overallScore: score.overall, findings } });
    return { overall: score.overall };
  });
}
