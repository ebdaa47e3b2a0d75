import "server-only";
import { about, recordAuditEvent } from "../../audit/record";
import { getPrisma } from "../../db/prisma";
import { raiseEvents } from "../../notify/raise";

interface Lapsed {
  id: string;
  team_id: string;
  expired_at: Date;
  reason: string | null;
  approver: string | null;
  title: string;
  service_name: string;
}

/**
 * Risk acceptances end by themselves: any whose expiry has passed is opened
 * again, with the lapse in the finding's history and the audit trail. Called
 * before findings are read, so the next read is already right; SKIP LOCKED lets
 * concurrent readers on every instance share the work without doubling it.
 */
export async function lapseExpiredAcceptances(now: Date = new Date()): Promise<number> {
  return getPrisma().$transaction(async (tx) => {
    const lapsed = await tx.$queryRaw<Lapsed[]>`
      WITH due AS (
        SELECT f.id, s.team_id, f.risk_acceptance_expires_at AS expired_at, f.risk_acceptance_reason AS reason, f.risk_accepted_by_id AS approver, f.title, s.name AS service_name
        FROM findings f JOIN services s ON s.id = f.service_id
        WHERE f.status = 'risk_accepted' AND f.risk_acceptance_expires_at <= ${now}
        FOR UPDATE OF f SKIP LOCKED
      )
      UPDATE findings f
      SET status = 'open', risk_acceptance_expires_at = NULL, risk_acceptance_reason = NULL,
          risk_accepted_by_id = NULL, risk_accepted_at = NULL, updated_at = ${now}
      FROM due WHERE f.id = due.id
      RETURNING f.id, due.team_id, due.expired_at, due.reason, due.approver, due.title, due.service_name`;
    if (lapsed.length === 0) return 0;
    await tx.findingEvent.createMany({
      data: lapsed.map((row) => ({
        findingId: row.id,
        kind: "RISK_LAPSED" as const,
        occurredAt: now,
        detail: { expiredAt: row.expired_at.toISOString(), reason: row.reason ?? "", approvedBy: row.approver ?? "" },
      })),
    });
    for (const row of lapsed) {
      await recordAuditEvent(tx, {
        action: "finding.risk_lapsed",
        actorLabel: "(expiry)",
        ...about("finding", row.id, row.team_id),
        before: { status: "risk_accepted", expiresAt: row.expired_at.toISOString() },
        after: { status: "open" },
        occurredAt: now,
      });
    }
    await raiseEvents(
      tx,
      lapsed.map((row) => ({
        kind: "risk.lapsed" as const,
        key: `risk.lapsed:${row.id}:${row.expired_at.toISOString()}`,
        teamId: row.team_id,
        subject: { type: "finding" as const, id: row.id },
        path: `/findings/${row.id}`,
        title: `Risk acceptance lapsed: ${row.title} (${row.service_name})`,
        summary: `The acceptance ended on ${row.expired_at.toISOString().slice(0, 10)}; the finding is open again.`,
        userIds: row.approver ? [row.approver] : [],
        occurredAt: now,
      })),
    );
    return lapsed.length;
  });
}
