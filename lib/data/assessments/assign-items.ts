import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import { roleMay, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { raiseEvent } from "../../notify/raise";
import { teamRoles } from "../../vocabulary/roles";
import { ValidationError } from "../errors";
import { assertTeamPermission } from "../scope";
import { lockAssessment } from "./load";

/**
 * A reviewer asks someone in the service's team who may answer (a service
 * owner, or another reviewer) to answer a factor's items, or takes the
 * assignment away (`assigneeId` null). The assignee is told, and the items
 * appear in their tasks. A draft only.
 */
export async function assignItems(
  principal: Principal,
  input: { assessmentId: string; factor: number; assigneeId: string | null },
  now: Date = new Date(),
): Promise<{ assigned: string[] }> {
  return getPrisma().$transaction(async (tx) => {
    const assessment = await lockAssessment(tx, principal, input.assessmentId, "share");
    assertTeamPermission(principal, "assessment.edit", assessment.teamId, now);
    if (assessment.status !== "DRAFT") throw new ValidationError("Items are assigned while the assessment is a draft.");
    let assignee: { id: string; name: string } | null = null;
    if (input.assigneeId) {
      const member = await tx.membership.findFirst({
        where: { teamId: assessment.teamId, userId: input.assigneeId, user: { disabledAt: null } },
        select: { role: true, user: { select: { id: true, name: true, email: true } } },
      });
      if (!member || !roleMay(teamRoles.fromDb(member.role), "assessment.attest"))
        throw new ValidationError("Assign to someone in this service's team who may answer: a service owner or a reviewer.");
      assignee = member.user;
    }
    const prefix = `F${String(input.factor).padStart(2, "0")}-`;
    const rows = await tx.response.findMany({ where: { assessmentId: assessment.id, itemId: { startsWith: prefix } }, select: { id: true, itemId: true } });
    await tx.response.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { assigneeId: assignee?.id ?? null } });
    const assigned = rows.map((r) => r.itemId).sort();
    if (assignee && assignee.id !== principal.userId) {
      const service = await tx.service.findUniqueOrThrow({ where: { id: assessment.serviceId }, select: { name: true } });
      await raiseEvent(tx, {
        kind: "answers.assigned",
        key: `answers.assigned:${assessment.id}:${input.factor}:${assignee.id}:${now.toISOString()}`,
        teamId: assessment.teamId,
        subject: { type: "assessment", id: assessment.id },
        path: `/assessments/${assessment.id}/factors/${input.factor}`,
        title: `${service.name}: ${principal.name} asks you to answer factor ${input.factor} (${assigned.length} items)`,
        userIds: [assignee.id],
        actorId: principal.userId,
        occurredAt: now,
      });
    }
    await recordAuditEvent(tx, {
      action: "responses.assigned",
      ...actorOf(principal),
      ...about("assessment", assessment.id, assessment.teamId),
      after: { factor: input.factor, items: assigned, assignee: assignee?.name ?? null, assigneeId: assignee?.id ?? null },
      occurredAt: now,
    });
    return { assigned };
  });
}
