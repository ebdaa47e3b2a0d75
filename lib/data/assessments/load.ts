import "server-only";
import type { Principal } from "../../auth/policy";
import type { Prisma } from "../../generated/prisma/client";
import { NotFoundError } from "../errors";
import { servicesVisibleTo } from "../scope";

export type AssessmentRow = { id: string; status: "DRAFT" | "IN_REVIEW" | "COMPLETED"; serviceId: string; teamId: string; checklistVersionId: string };

/**
 * An assessment the principal may read, locked for the rest of the
 * transaction: "update" for a change of its state (submit, return, approve),
 * "share" for a change inside it (a save), so that no save lands on an
 * assessment that has just been submitted.
 */
export async function lockAssessment(
  tx: Prisma.TransactionClient,
  principal: Principal,
  assessmentId: string,
  mode: "update" | "share",
): Promise<AssessmentRow> {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM assessments WHERE id = ${assessmentId}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM assessments WHERE id = ${assessmentId}::uuid FOR SHARE`;
  if (rows.length === 0) throw new NotFoundError();
  const assessment = await tx.assessment.findFirst({
    where: { id: assessmentId, service: servicesVisibleTo(principal) },
    select: { id: true, status: true, serviceId: true, checklistVersionId: true, service: { select: { teamId: true } } },
  });
  if (!assessment) throw new NotFoundError();
  return {
    id: assessment.id,
    status: assessment.status,
    serviceId: assessment.serviceId,
    teamId: assessment.service.teamId,
    checklistVersionId: assessment.checklistVersionId,
  };
}
