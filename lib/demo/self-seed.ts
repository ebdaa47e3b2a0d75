// Writes Twelvefold's assessment of itself into the demo organisation: the
// service, one approved assessment answered from SELF_ANSWERS (each with its
// evidence links), and a finding per gap, owned and due by the default SLA,
// with a comment saying what closes it.
import { randomUUID } from "node:crypto";
import type { ChecklistItem } from "../checklist";
import { dueDateFor } from "../findings/sla";
import type { Prisma } from "../generated/prisma/client";
import { scoreAssessment, storedFactorScores } from "../scoring/score";
import { evidenceLink, SELF_ANSWERS, SELF_PEOPLE, SELF_SERVICE } from "./self-assessment";
import { answerStatuses } from "../vocabulary/answers";
import { severities } from "../vocabulary/levels";

const DAY = 86_400_000;

export async function seedSelfAssessment(
  tx: Prisma.TransactionClient,
  input: { versionId: string; items: ChecklistItem[]; teamIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<{ findings: number }> {
  const user = (email: string) => {
    const id = input.userIds.get(email);
    if (!id) throw new Error(`the self-assessment names ${email}, who is not in the demo organisation`);
    return id;
  };
  const reviewer = user(SELF_PEOPLE.reviewer);
  const lead = user(SELF_PEOPLE.lead);
  const startedAt = new Date(input.now.getTime() - 9 * DAY);
  const submittedAt = new Date(input.now.getTime() - 3 * DAY);
  const approvedAt = new Date(input.now.getTime() - 2 * DAY);
  const score = scoreAssessment(input.items, new Map(input.items.map((item) => [item.id, SELF_ANSWERS[item.id]!.status])));

  const service = await tx.service.create({
    data: {
      teamId: input.teamIds.get(SELF_SERVICE.team)!,
      name: SELF_SERVICE.name,
      slug: SELF_SERVICE.slug,
      description: SELF_SERVICE.description,
      criticality: "HIGH",
      repositoryUrl: SELF_SERVICE.repositoryUrl,
      ownerId: user(SELF_SERVICE.owner),
      latestScore: score.overall,
      latestFactorScores: storedFactorScores(score),
      lastAssessedAt: approvedAt,
      createdAt: new Date(startedAt.getTime() - 30 * DAY),
    },
  });
  const assessment = await tx.assessment.create({
    data: {
      serviceId: service.id,
      checklistVersionId: input.versionId,
      status: "COMPLETED",
      startedById: reviewer,
      startedAt,
      submittedById: reviewer,
      submittedAt,
      approvedById: lead,
      approvedAt,
      overallScore: score.overall,
      factorScores: storedFactorScores(score),
      createdAt: startedAt,
    },
  });
  await tx.assessmentEvent.createMany({
    data: [
      { assessmentId: assessment.id, kind: "STARTED", actorId: reviewer, actorLabel: SELF_PEOPLE.reviewer, occurredAt: startedAt },
      { assessmentId: assessment.id, kind: "SUBMITTED", actorId: reviewer, actorLabel: SELF_PEOPLE.reviewer, occurredAt: submittedAt },
      { assessmentId: assessment.id, kind: "APPROVED", actorId: lead, actorLabel: SELF_PEOPLE.lead, occurredAt: approvedAt },
    ],
  });
  await tx.response.createMany({
    data: input.items.map((item) => {
      const answer = SELF_ANSWERS[item.id]!;
      return {
        assessmentId: assessment.id,
        itemId: item.id,
        status: answerStatuses.toDb(answer.status),
        justification: answer.justification,
        notes: answer.gap ? `To close: ${answer.gap.action}` : "",
        evidenceLinks: answer.evidence.map(evidenceLink),
        updatedById: reviewer,
        attestedById: reviewer,
        attestedAt: submittedAt,
        validation: "AGREED" as const,
        validatedById: reviewer,
        validatedAt: submittedAt,
        createdAt: startedAt,
        updatedAt: submittedAt,
      };
    }),
  });

  // Approval opens a finding for every item not met or partially met.
  const gaps = input.items.flatMap((item) => {
    const gap = SELF_ANSWERS[item.id]!.gap;
    return gap ? [{ item, gap, id: randomUUID() }] : [];
  });
  await tx.finding.createMany({
    data: gaps.map(({ item, gap, id }) => ({
      id,
      serviceId: service.id,
      itemId: item.id,
      title: item.title,
      severity: severities.toDb(item.severity),
      status: "OPEN" as const,
      originAssessmentId: assessment.id,
      ownerId: user(gap.owner),
      createdById: lead,
      dueDate: dueDateFor(item.severity, approvedAt),
      openedAt: approvedAt,
      createdAt: approvedAt,
    })),
  });
  await tx.findingEvent.createMany({
    data: gaps.map(({ id }) => ({ findingId: id, kind: "OPENED" as const, actorId: lead, assessmentId: assessment.id, detail: {}, occurredAt: approvedAt })),
  });
  await tx.comment.createMany({ data: gaps.map(({ gap, id }) => ({ findingId: id, authorId: lead, body: `To close: ${gap.action}`, createdAt: approvedAt })) });
  return { findings: gaps.length };
}
