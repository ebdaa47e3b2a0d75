import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { answerStatuses } from "../../vocabulary/answers";
import { getPrisma } from "../../db/prisma";
import { suggestionFrom } from "../../evidence/suggestion";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission } from "../scope";
import { lockAssessment } from "./load";
import { attestedNow } from "./attest";

/**
 * A reviewer's decision on a machine-suggested answer. Accepting takes its
 * answer, with its summary and locations as the justification (the reviewer may
 * edit it after); overriding
 * keeps the reviewer's own answer, which must be given first. Either way the
 * answer records the suggestion, the decision, who made it and when.
 */
export async function decideSuggestion(
  principal: Principal,
  input: { assessmentId: string; itemId: string; evidenceId: string; decision: "accept" | "override" },
  now: Date = new Date(),
): Promise<{ version: number }> {
  return getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "share");
    assertTeamPermission(principal, "assessment.attest", assessment.teamId, now);
    if (assessment.status !== "DRAFT") throw new ValidationError("Only an assessment in draft can take suggestions.");
    const evidence = await tx.evidence.findFirst({ where: { id: input.evidenceId, serviceId: assessment.serviceId, itemId: input.itemId } });
    if (!evidence) throw new NotFoundError();
    const before = await tx.response.findUnique({ where: { assessmentId_itemId: { assessmentId: assessment.id, itemId: input.itemId } } });
    if (!before) throw new ValidationError(`There is no item ${input.itemId} in this assessment's checklist.`);
    if (input.decision === "override" && before.status === "UNANSWERED") {
      throw new ValidationError("Give your own answer first; overriding keeps it in place of the suggestion.");
    }
    const suggestion = suggestionFrom({ ...evidence, token: null });
    const where = suggestion.observations.map((o) => (o.line ? `${o.file}:${o.line}` : o.file));
    const justification = `${suggestion.summary} (${suggestion.source}${where.length ? `: ${where.join(", ")}` : ""})`.slice(0, 10_000);
    const after = await tx.response.update({
      where: { id: before.id },
      data: {
        ...(input.decision === "accept"
          ? { status: evidence.status, justification, carriedOver: false, ...attestedNow(principal, assessment.teamId, now) }
          : {}),
        suggestionId: evidence.id,
        suggestionOutcome: input.decision === "accept" ? "ACCEPTED" : "OVERRIDDEN",
        suggestionDecidedById: principal.userId,
        suggestionDecidedAt: now,
        updatedById: principal.userId,
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, {
      action: input.decision === "accept" ? "response.suggestion_accepted" : "response.suggestion_overridden",
      ...actorOf(principal),
      ...about("response", `${assessment.id}/${input.itemId}`, assessment.teamId),
      before: { status: before.status.toLowerCase(), justification: before.justification, version: before.version },
      after: {
        status: after.status.toLowerCase(),
        justification: after.justification,
        version: after.version,
        suggestion: { evidenceId: evidence.id, source: evidence.source, suggested: answerStatuses.label(suggestion.status) },
      },
      occurredAt: now,
    });
    return { version: after.version };
  });
}
