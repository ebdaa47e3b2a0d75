import "server-only";
import { randomInt } from "node:crypto";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { parseStoredFactors } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import { describeRule, drawSample, type SamplingRule } from "../../assessments/validation";
import { ValidationError } from "../errors";
import { assertTeamPermission } from "../scope";
import { lockAssessment } from "./load";

/**
 * Records a sampling rule for the answers waiting for validation and draws the
 * sample by it, with the system's randomness: the reviewer names the rule,
 * never the items. Once per assessment (a second draw could be used to fish
 * for an easy sample). Answers attested after the draw are not covered by it.
 */
export async function drawValidationSample(
  principal: Principal,
  input: { assessmentId: string; rule: SamplingRule },
  now: Date = new Date(),
): Promise<{ drawn: string[]; candidates: number }> {
  return getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "update");
    assertTeamPermission(principal, "assessment.validate", assessment.teamId, now);
    if (assessment.status !== "DRAFT") throw new ValidationError("A validation sample is drawn while the assessment is a draft.");
    const current = await tx.assessment.findUniqueOrThrow({
      where: { id: assessment.id },
      select: { sampleDrawnAt: true, checklistVersion: { select: { items: true } } },
    });
    if (current.sampleDrawnAt)
      throw new ValidationError(`A sample was drawn on ${current.sampleDrawnAt.toISOString().slice(0, 10)}; it stands for this assessment.`);
    const severity = new Map(parseStoredFactors(current.checklistVersion.items).flatMap((f) => f.items.map((i) => [i.id, i.severity] as const)));
    const waiting = await tx.response.findMany({
      where: { assessmentId: assessment.id, validation: null, carriedOver: false, status: { not: "UNANSWERED" } },
      select: { itemId: true },
      orderBy: { itemId: "asc" },
    });
    const candidates = waiting.map((r) => ({ itemId: r.itemId, severity: severity.get(r.itemId) ?? "low" }));
    const draw = drawSample(candidates, input.rule, (n) => randomInt(n));
    if (!draw.ok) throw new ValidationError(draw.message);
    const rule = { ...input.rule, candidates: candidates.length };
    await tx.assessment.update({
      where: { id: assessment.id },
      data: { samplingRule: rule, sampleItemIds: draw.itemIds, sampleDrawnById: principal.userId, sampleDrawnAt: now },
    });
    await recordAuditEvent(tx, {
      action: "assessment.sample_drawn",
      ...actorOf(principal),
      ...about("assessment", assessment.id, assessment.teamId),
      after: { rule: describeRule(input.rule), ...rule, drawn: draw.itemIds },
      occurredAt: now,
    });
    return { drawn: draw.itemIds, candidates: candidates.length };
  });
}
