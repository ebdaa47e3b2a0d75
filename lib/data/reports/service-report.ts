import "server-only";
import { visibleServiceId, type ServiceKey } from "../services/by-slug";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { WORKING_DB_STATUSES } from "../findings/working";
import type { AsOf } from "../../posture/as-of";
import { openFindingsAsOf } from "./as-of";

/** The figures at the top of a service's report: small, and read with the page. */
export interface ServiceFigures {
  latestScore: number | null;
  completedCount: number;
  /** Mean days from opening to resolution, over resolved findings; null when none is resolved. */
  meanDaysToRemediate: number | null;
  resolvedCount: number;
  overdue: number;
  /** Latest completed score against the one before it. */
  change: { before: number | null; after: number | null } | null;
}

/** A service's history, for its charts: fetched after the page is on screen. */
export interface ServiceTrend {
  /** One point per completed assessment, oldest first. */
  scores: { assessmentId: string; approvedOn: string; score: number | null }[];
  /** Unresolved findings by severity as each approval day ended: the findings list's `unresolvedOn` view of that day. */
  unresolved: { approvedOn: string; critical: number; high: number; medium: number; low: number }[];
}

/**
 * The report's figures, aggregated in SQL; as of a day's end when asked (an
 * audit period's end): the approvals by then, the findings resolved by then,
 * and the findings overdue then, rebuilt from their history (lib/data/reports/as-of.ts).
 */
export async function getServiceFigures(principal: Principal, key: ServiceKey, now: Date = new Date(), asOf: AsOf | null = null): Promise<ServiceFigures> {
  const prisma = getPrisma();
  const id = await visibleServiceId(principal, key, now);
  const cutoff = asOf?.cutoff ?? new Date("9999-12-31T00:00:00Z");
  const [latest, [mttr], overdue] = await Promise.all([
    prisma.$queryRaw<{ score: number | null; completed: bigint }[]>`
      SELECT overall_score AS score, count(*) OVER () AS completed
      FROM assessments WHERE service_id = ${id}::uuid AND status = 'completed' AND approved_at < ${cutoff} ORDER BY approved_at DESC LIMIT 2`,
    prisma.$queryRaw<{ days: number | null; resolved: bigint }[]>`
      SELECT avg(extract(epoch FROM resolved_at - opened_at) / 86400)::float AS days, count(*) AS resolved
      FROM findings WHERE service_id = ${id}::uuid AND status = 'resolved' AND resolved_at IS NOT NULL AND resolved_at < ${cutoff}`,
    asOf
      ? openFindingsAsOf(principal, asOf, id).then((c) => c.overdue)
      : prisma.finding.count({ where: { serviceId: id, status: { in: WORKING_DB_STATUSES }, dueDate: { lt: now } } }),
  ]);
  return {
    latestScore: latest[0]?.score ?? null,
    completedCount: Number(latest[0]?.completed ?? 0),
    meanDaysToRemediate: mttr?.days === null || mttr?.days === undefined ? null : Math.round(mttr.days * 10) / 10,
    resolvedCount: Number(mttr?.resolved ?? 0),
    overdue,
    change: latest.length === 2 ? { before: latest[1]!.score, after: latest[0]!.score } : null,
  };
}

/** The report's series, aggregated in SQL. */
export async function getServiceTrend(principal: Principal, key: ServiceKey, now: Date = new Date()): Promise<ServiceTrend> {
  const prisma = getPrisma();
  const id = await visibleServiceId(principal, key, now);
  const [scores, unresolved] = await Promise.all([
    prisma.$queryRaw<{ id: string; approved_on: Date; score: number | null }[]>`
      SELECT id::text, (approved_at AT TIME ZONE 'UTC')::date AS approved_on, overall_score AS score
      FROM assessments WHERE service_id = ${id}::uuid AND status = 'completed' ORDER BY approved_at`,
    prisma.$queryRaw<{ approved_on: Date; critical: bigint; high: bigint; medium: bigint; low: bigint }[]>`
      SELECT d.approved_on,
        count(f.id) FILTER (WHERE f.severity = 'critical') AS critical, count(f.id) FILTER (WHERE f.severity = 'high') AS high,
        count(f.id) FILTER (WHERE f.severity = 'medium') AS medium, count(f.id) FILTER (WHERE f.severity = 'low') AS low
      FROM (SELECT DISTINCT (approved_at AT TIME ZONE 'UTC')::date AS approved_on FROM assessments
            WHERE service_id = ${id}::uuid AND status = 'completed') d
      LEFT JOIN findings f ON f.service_id = ${id}::uuid
        AND f.opened_at < (d.approved_on + 1)::timestamp AT TIME ZONE 'UTC'
        AND (f.resolved_at IS NULL OR f.resolved_at >= (d.approved_on + 1)::timestamp AT TIME ZONE 'UTC')
      GROUP BY d.approved_on ORDER BY d.approved_on`,
  ]);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    scores: scores.map((s) => ({ assessmentId: s.id, approvedOn: day(s.approved_on), score: s.score })),
    unresolved: unresolved.map((u) => ({
      approvedOn: day(u.approved_on),
      critical: Number(u.critical),
      high: Number(u.high),
      medium: Number(u.medium),
      low: Number(u.low),
    })),
  };
}
