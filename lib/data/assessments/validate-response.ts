import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { raiseEvent } from "../../notify/raise";
import { ValidationError } from "../errors";
import { assertTeamPermission } from "../scope";
import { lockAssessment } from "./load";

export type ValidationDecision = { decision: "agree" } | { decision: "send_back"; comment: string };

/**
 * Security's check of an answer someone else attested: agree, or send it back
 * to them with a comment (shown on the item until they answer again, and kept
 * in the audit trail; they are told). A draft only;
 * a reviewer's own answers are validated as they are saved, so there is
 * nothing of theirs to validate. The answer must be the one the reviewer saw
 * (`version`), so a validation never lands on an answer changed meanwhile.
 */
export async function validateResponse(
  principal: Principal,
  input: { assessmentId: string; itemId: string; version: number } & ValidationDecision,
  now: Date = new Date(),
): Promise<{ version: number }> {
  return getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "share");
    assertTeamPermission(principal, "assessment.validate", assessment.teamId, now);
    if (assessment.status !== "DRAFT") throw new ValidationError("Answers are validated while the assessment is a draft.");
    const row = await tx.response.findUnique({
      where: { assessmentId_itemId: { assessmentId: assessment.id, itemId: input.itemId } },
      select: { id: true, status: true, carriedOver: true, version: true, attestedById: true, validation: true },
    });
    if (!row) throw new ValidationError(`There is no item ${input.itemId} in this assessment's checklist.`);
    if (row.version !== input.version) throw new ValidationError("This answer changed since you opened it; read it again before validating.");
    if (row.status === "UNANSWERED" || row.carriedOver) throw new ValidationError("Only a given answer can be validated; this one is not answered yet.");
    if (row.attestedById === principal.userId) {
      throw new ValidationError("You gave this answer; it counts as validated by you. Another reviewer validates a service owner's answers.");
    }
    if (row.validation !== null) throw new ValidationError("This answer is already validated or sent back; it waits for its owner to answer again.");
    const agree = input.decision === "agree";
    const comment = agree ? "" : input.comment;
    const after = await tx.response.update({
      where: { id: row.id },
      data: { validation: agree ? "AGREED" : "SENT_BACK", validatedById: principal.userId, validatedAt: now, validationComment: comment },
      select: { version: true },
    });
    if (!agree) {
      const service = await tx.service.findUniqueOrThrow({ where: { id: assessment.serviceId }, select: { name: true } });
      await raiseEvent(tx, {
        kind: "answer.sent_back",
        key: `answer.sent_back:${row.id}:${now.toISOString()}`,
        teamId: assessment.teamId,
        subject: { type: "assessment", id: assessment.id },
        path: `/assessments/${assessment.id}/factors/${Number(input.itemId.slice(1, 3))}#${input.itemId}`,
        title: `${service.name}: ${input.itemId} sent back by ${principal.name}`,
        summary: comment,
        userIds: row.attestedById ? [row.attestedById] : [],
        actorId: principal.userId,
        occurredAt: now,
      });
    }
    await recordAuditEvent(tx, {
      action: agree ? "response.validated" : "response.sent_back",
      ...actorOf(principal),
      ...about("response", `${assessment.id}/${input.itemId}`, assessment.teamId),
      before: { validation: null },
      after: { validation: agree ? "agreed" : "sent_back", ...(comment ? { comment } : {}), version: after.version },
      occurredAt: now,
    });
    return after;
  });
}
