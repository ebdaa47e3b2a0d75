import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import type { AnswerValues } from "../../assessments/input-schemas";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission } from "../scope";
import { lockAssessment } from "./load";
import { attestedNow } from "./attest";
import { answerStatuses } from "../../vocabulary/answers";

export type { AnswerValues };

export interface SavedAnswer extends AnswerValues {
  version: number;
  carriedOver: boolean;
  updatedBy: string | null;
  updatedAt: Date;
}

export type SaveResult =
  | { outcome: "saved"; answer: SavedAnswer }
  /** Someone saved first: the reviewer sees theirs and this, and chooses. */
  | { outcome: "conflict"; answer: SavedAnswer };

async function current(tx: Prisma.TransactionClient, assessmentId: string, itemId: string) {
  const row = await tx.response.findUnique({
    where: { assessmentId_itemId: { assessmentId, itemId } },
    include: { updatedBy: { select: { name: true } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    answer: {
      status: answerStatuses.fromDb(row.status),
      justification: row.justification,
      notes: row.notes,
      evidenceLinks: row.evidenceLinks,
      version: row.version,
      carriedOver: row.carriedOver,
      updatedBy: row.updatedBy?.name ?? null,
      updatedAt: row.updatedAt,
    } satisfies SavedAnswer,
  };
}

/**
 * Saves one answer if, and only if, it was edited from the version stored now
 * (optimistic concurrency in one conditional UPDATE). Saving also confirms a
 * carried-over answer, and attests it as the saver's (lib/data/assessments/attest.ts).
 * A draft only; audited with before and after.
 */
export async function saveResponse(
  principal: Principal,
  input: { assessmentId: string; itemId: string; baseVersion: number; values: AnswerValues },
  now: Date = new Date(),
): Promise<SaveResult> {
  return getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "share");
    assertTeamPermission(principal, "assessment.attest", assessment.teamId, now);
    if (assessment.status !== "DRAFT") {
      throw new ValidationError(
        assessment.status === "IN_REVIEW"
          ? "This assessment is submitted for review; it can change again only if a lead returns it."
          : "This assessment is completed and can no longer change.",
      );
    }
    const before = await current(tx, assessment.id, input.itemId);
    if (!before) throw new ValidationError(`There is no item ${input.itemId} in this assessment's checklist.`);
    const updated = await tx.response.updateMany({
      where: { id: before.id, version: input.baseVersion },
      data: {
        status: answerStatuses.toDb(input.values.status),
        justification: input.values.justification,
        notes: input.values.notes,
        evidenceLinks: input.values.evidenceLinks,
        carriedOver: false,
        updatedById: principal.userId,
        ...attestedNow(principal, assessment.teamId, now),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) return { outcome: "conflict", answer: before.answer };
    const after = await current(tx, assessment.id, input.itemId);
    if (!after) throw new NotFoundError();
    const values = (a: SavedAnswer) => ({
      status: a.status,
      justification: a.justification,
      notes: a.notes,
      evidenceLinks: a.evidenceLinks,
      carriedOver: a.carriedOver,
      version: a.version,
    });
    await recordAuditEvent(tx, {
      action: "response.saved",
      ...actorOf(principal),
      ...about("response", `${assessment.id}/${input.itemId}`, assessment.teamId),
      before: values(before.answer),
      after: values(after.answer),
    });
    return { outcome: "saved", answer: after.answer };
  });
}
