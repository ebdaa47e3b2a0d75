import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import type { Severity } from "../../vocabulary/levels";
import { getPrisma } from "../../db/prisma";
import { slaPolicy } from "../../findings/settings";
import { dueDateFor } from "../../findings/sla";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";
import { severities } from "../../vocabulary/levels";

/**
 * A lead raises or lowers a finding's severity from the item's default, with a
 * reason; the due date follows the new severity from when the finding opened.
 */
export async function changeFindingSeverity(principal: Principal, input: { findingId: string; severity: Severity; reason: string }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await tx.finding.findFirst({
      where: { id: input.findingId, service: servicesVisibleTo(principal) },
      include: { service: { select: { teamId: true } } },
    });
    if (!finding) throw new NotFoundError();
    assertTeamPermission(principal, "finding.manage", finding.service.teamId);
    if (finding.status === "RESOLVED") throw new ValidationError("A resolved finding keeps the severity it had.");
    const from = severities.fromDb(finding.severity);
    if (from === input.severity) throw new ValidationError(`The finding is already ${input.severity}.`);
    const dueDate = dueDateFor(input.severity, finding.openedAt, slaPolicy());
    await tx.finding.update({ where: { id: finding.id }, data: { severity: severities.toDb(input.severity), dueDate } });
    await tx.findingEvent.create({
      data: { findingId: finding.id, kind: "SEVERITY_CHANGED", actorId: principal.userId, detail: { from, to: input.severity, reason: input.reason } },
    });
    await recordAuditEvent(tx, {
      action: "finding.severity_changed",
      ...actorOf(principal),
      ...about("finding", finding.id, finding.service.teamId),
      before: { severity: from, dueDate: finding.dueDate?.toISOString() ?? null },
      after: { severity: input.severity, dueDate: dueDate.toISOString(), reason: input.reason },
    });
  });
}
