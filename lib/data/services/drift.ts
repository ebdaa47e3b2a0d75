import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { answerStatuses, type ResponseStatus } from "../../vocabulary/answers";
import { servicesVisibleSql } from "../scope";

export interface OpenDrift {
  id: string;
  serviceId: string;
  serviceName: string;
  /** The service's page. */
  path: string;
  itemId: string;
  kind: "contradicted" | "citation_changed";
  approvedStatus: ResponseStatus;
  observedStatus: ResponseStatus;
  assessmentId: string;
  source: string;
  detail: string;
  file: string | null;
  line: number | null;
  detectedAt: Date;
}

/**
 * Approved answers that evidence no longer agrees with, not yet answered by a
 * new approval or by evidence that agrees again. Within what the principal may
 * read; one service's, when given.
 */
export async function listOpenDrifts(principal: Principal, now: Date = new Date(), serviceId?: string): Promise<OpenDrift[]> {
  const rows = await getPrisma().$queryRaw<
    {
      id: string;
      service_id: string;
      service_name: string;
      path: string;
      item_id: string;
      kind: OpenDrift["kind"];
      approved_status: string;
      observed_status: string;
      assessment_id: string;
      source: string;
      detail: string;
      file: string | null;
      line: number | null;
      detected_at: Date;
    }[]
  >`
    SELECT d.id, d.service_id, s.name AS service_name, '/services/' || s.slug || '?team=' || t.slug AS path, d.item_id, d.kind::text AS kind, upper(d.approved_status::text) AS approved_status, upper(d.observed_status::text) AS observed_status,
           d.assessment_id, d.source, d.detail, d.file, d.line, d.detected_at
    FROM drifts d JOIN services s ON s.id = d.service_id JOIN teams t ON t.id = s.team_id
    WHERE d.resolved_at IS NULL AND ${servicesVisibleSql(principal, now)} AND (${serviceId ?? null}::uuid IS NULL OR s.id = ${serviceId ?? null}::uuid)
    ORDER BY d.detected_at DESC, d.item_id
    LIMIT 5000`;
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    path: r.path,
    itemId: r.item_id,
    kind: r.kind,
    approvedStatus: answerStatuses.fromDb(r.approved_status as never),
    observedStatus: answerStatuses.fromDb(r.observed_status as never),
    assessmentId: r.assessment_id,
    source: r.source,
    detail: r.detail,
    file: r.file,
    line: r.line,
    detectedAt: r.detected_at,
  }));
}
