import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { startingAnswers } from "../../assessments/carry-over";
import { parseStoredFactors } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";
import { answerStatuses, validations } from "../../vocabulary/answers";
import { linkStartedAssessment } from "../campaigns/lifecycle";
import { inheritedAnswers } from "../platforms/inherited-answers";
import { hasExpired } from "../../evidence/validity";

/** The first day an answer's evidence ran out on, if any of it has by now. */
function expiredOn(attachments: { validUntil: Date | null }[], now: Date): string | null {
  const ran = attachments.filter((a) => hasExpired(a.validUntil, now)).map((a) => a.validUntil!.toISOString().slice(0, 10));
  return ran.sort()[0] ?? null;
}

const items = (stored: unknown) => parseStoredFactors(stored).flatMap((factor) => factor.items);

/**
 * Starts an assessment of a service on the newest checklist version, pre-filled
 * from its last completed one. One under way per service: the service row is
 * locked while checking, so two reviewers pressing Start at once get one.
 */
export async function startAssessment(principal: Principal, input: { serviceId: string }): Promise<{ id: string }> {
  return getPrisma().$transaction(async (tx) => {
    const now = new Date();
    await tx.$queryRaw`SELECT id FROM services WHERE id = ${input.serviceId}::uuid FOR UPDATE`;
    const service = await tx.service.findFirst({ where: { AND: [{ id: input.serviceId }, servicesVisibleTo(principal)] } });
    if (!service) throw new NotFoundError();
    assertTeamPermission(principal, "assessment.edit", service.teamId);
    const underway = await tx.assessment.findFirst({ where: { serviceId: service.id, status: { in: ["DRAFT", "IN_REVIEW"] } }, select: { id: true } });
    if (underway) throw new ValidationError("This service already has an assessment under way; continue that one.");

    const version = await tx.checklistVersion.findFirst({ orderBy: { publishedAt: "desc" } });
    if (!version) throw new ValidationError("No checklist version is published yet.");
    const previous = await tx.assessment.findFirst({
      where: { serviceId: service.id, status: "COMPLETED" },
      orderBy: { approvedAt: "desc" },
      include: { checklistVersion: { select: { items: true } }, responses: { include: { attachments: { select: { validUntil: true } } } } },
    });
    // The newest machine suggestion per item since the previous approval: one that contradicts the answer asks it again.
    const suggested = previous?.approvedAt
      ? await tx.$queryRaw<{ item_id: string; status: Parameters<typeof answerStatuses.fromDb>[0] }[]>`
          SELECT DISTINCT ON (item_id) item_id, upper(status::text) AS status FROM evidence
          WHERE service_id = ${service.id}::uuid AND submitted_at > ${previous.approvedAt}
          ORDER BY item_id, submitted_at DESC`
      : [];
    const inherited = await inheritedAnswers(tx, service.id);
    const answers = startingAnswers(
      items(version.items),
      previous
        ? {
            id: previous.id,
            items: items(previous.checklistVersion.items),
            answers: previous.responses.map((r) => ({
              ...r,
              status: answerStatuses.fromDb(r.status),
              validation: r.validation === null ? null : validations.fromDb(r.validation),
              evidenceExpiredOn: expiredOn(r.attachments, now),
            })),
          }
        : null,
      new Map(suggested.map((s) => [s.item_id, answerStatuses.fromDb(s.status)])),
      inherited,
    );
    const assessment = await tx.assessment.create({
      data: { serviceId: service.id, checklistVersionId: version.id, startedById: principal.userId, startedAt: now },
    });
    await tx.response.createMany({
      data: answers.map((answer) => ({
        ...answer,
        assessmentId: assessment.id,
        status: answerStatuses.toDb(answer.status),
        validation: answer.validation === null ? null : validations.toDb(answer.validation),
      })),
    });
    await tx.assessmentEvent.create({
      data: { assessmentId: assessment.id, kind: "STARTED", actorId: principal.userId, actorLabel: principal.email, occurredAt: now },
    });
    await recordAuditEvent(tx, {
      action: "assessment.started",
      ...actorOf(principal),
      ...about("assessment", assessment.id, service.teamId),
      after: {
        serviceId: service.id,
        checklistVersion: version.version,
        carriedFrom: previous?.id ?? null,
        keptAsConfirmed: answers.filter((a) => a.carriedFromId !== null && !a.carriedOver).length,
        askedAgain: answers.filter((a) => a.carriedOver).length,
        revisedItems: answers.filter((a) => a.itemRevised).length,
        inherited: inherited.size,
      },
      occurredAt: now,
    });
    await linkStartedAssessment(tx, service.id, assessment.id);
    return { id: assessment.id };
  });
}
