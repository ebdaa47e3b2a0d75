import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { servicesVisibleSql } from "../scope";

export interface StaleAnswer {
  serviceId: string;
  itemId: string;
  /** The first day its evidence ran out on. */
  expiredOn: Date;
}

/**
 * The standing answers (those of each service's latest approval) whose
 * evidence ran out: each needs re-attestation. Within what the principal may
 * read; one service's, when given.
 */
export async function listStaleEvidence(principal: Principal, now: Date = new Date(), serviceId?: string): Promise<StaleAnswer[]> {
  const rows = await getPrisma().$queryRaw<{ service_id: string; item_id: string; expired_on: Date }[]>`
    SELECT latest.service_id, r.item_id, min(at.valid_until) AS expired_on
    FROM (SELECT DISTINCT ON (service_id) id, service_id FROM assessments WHERE status = 'completed' ORDER BY service_id, approved_at DESC) latest
    JOIN services s ON s.id = latest.service_id
    JOIN responses r ON r.assessment_id = latest.id JOIN attachments at ON at.response_id = r.id
    WHERE ${servicesVisibleSql(principal, now)} AND at.valid_until < (${now}::timestamptz AT TIME ZONE 'UTC')::date
      AND (${serviceId ?? null}::uuid IS NULL OR s.id = ${serviceId ?? null}::uuid)
    GROUP BY latest.service_id, r.item_id
    ORDER BY latest.service_id, r.item_id
    LIMIT 5000`;
  return rows.map((r) => ({ serviceId: r.service_id, itemId: r.item_id, expiredOn: r.expired_on }));
}
