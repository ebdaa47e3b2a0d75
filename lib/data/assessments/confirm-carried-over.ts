import "server-only";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { ValidationError } from "../errors";
import { assertTeamPermission } from "../scope";
import { lockAssessment } from "./load";
import { attestedNow } from "./attest";

/**
 * Confirms, as they stand, every answer of one factor still carried over from
 * the last approved assessment: one action where a re-assessment with nothing
 * changed used to take one per item. Only what is still carried over moves (an
 * answer edited meanwhile is already confirmed); the content and its version
 * stay as they are, so no one's edit in progress conflicts with it. Audited as
 * one event naming the items.
 */
export async function confirmCarriedOver(
  principal: Principal,
  input: { assessmentId: string; factor: number },
  context: RequestContext,
  now: Date = new Date(),
): Promise<{ confirmed: string[] }> {
  return getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "share");
    assertTeamPermission(principal, "assessment.attest", assessment.teamId, now);
    if (assessment.status !== "DRAFT") throw new ValidationError("Only an assessment in draft can change.");
    const prefix = `F${String(input.factor).padStart(2, "0")}-`;
    const rows = await tx.response.findMany({
      where: { assessmentId: assessment.id, carriedOver: true, itemId: { startsWith: prefix } },
      select: { id: true, itemId: true },
      orderBy: { itemId: "asc" },
    });
    if (rows.length === 0) return { confirmed: [] };
    await tx.response.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, carriedOver: true },
      data: { carriedOver: false, updatedById: principal.userId, updatedAt: now, ...attestedNow(principal, assessment.teamId, now) },
    });
    const confirmed = rows.map((r) => r.itemId);
    await recordAuditEvent(tx, {
      action: "response.carried_over_confirmed",
      ...eventBy(principal, context, now),
      ...about("assessment", assessment.id, assessment.teamId),
      after: { factor: input.factor, items: confirmed },
    });
    return { confirmed };
  });
}
