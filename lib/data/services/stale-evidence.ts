import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";
import { servicesVisibleSql } from "../scope";

export interface StaleAnswer {
  serviceId: string;
  itemId: string;
  /** The first day its evidence ran out on. */
  expiredOn: Date;
}

/**
 * `a` (an assessment of service `s`) is the service's latest approved one: its
 * answers are the ones that stand. Asked of the run-out files only, found by
 * their index, so the dashboard never walks every assessment.
 */
export const standingAssessment = Prisma.sql`a.id = (SELECT l.id FROM assessments l WHERE l.service_id = s.id AND l.status = 'completed' ORDER BY l.approved_at DESC LIMIT 1)`;

/**
 * The standing answers (those of each service's latest approval) whose
 * evidence ran out: each needs re-attestation. Within what the principal may
 * read; one service's, when given.
 */
export async function listStaleEvidence(principal: Principal, now: Date = new Date(), serviceId?: string): Promise<StaleAnswer[]> {
  const rows = await getPrisma().$queryRaw<{ service_id: string; item_id: string; expired_on: Date }[]>`
    SELECT s.id AS service_id, r.item_id, min(at.valid_until) AS expired_on
    FROM attachments at JOIN responses r ON r.id = at.response_id JOIN assessments a ON a.id = r.assessment_id JOIN services s ON s.id = a.service_id
    WHERE at.valid_until < (${now}::timestamptz AT TIME ZONE 'UTC')::date
      AND ${servicesVisibleSql(principal, now)} AND (${serviceId ?? null}::uuid IS NULL OR s.id = ${serviceId ?? null}::uuid)
      AND ${standingAssessment}
    GROUP BY s.id, r.item_id
    ORDER BY s.id, r.item_id
    LIMIT 5000`;
  return rows.map((r) => ({ serviceId: r.service_id, itemId: r.item_id, expiredOn: r.expired_on }));
}
