import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { NotFoundError } from "../errors";
import { servicesVisibleTo } from "../scope";

export interface ServiceReport {
  /** One point per completed assessment, oldest first. */
  scores: { approvedOn: string; score: number | null }[];
  /** Unresolved findings by severity as each approval day ended. */
  unresolved: { approvedOn: string; critical: number; high: number; medium: number; low: number }[];
  /** Mean days from opening to resolution, over resolved findings; null when none is resolved. */
  meanDaysToRemediate: number | null;
  resolvedCount: number;
  overdue: number;
  /** Latest completed score against the one before it. */
  change: { before: number | null; after: number | null } | null;
}

/** The service report's series and figures, aggregated in SQL. */
export async function getServiceReport(principal: Principal, serviceId: string, now: Date = new Date()): Promise<ServiceReport> {
  const prisma = getPrisma();
  const service = await prisma.service.findFirst({ where: { AND: [{ id: serviceId }, servicesVisibleTo(principal, now)] }, select: { id: true } });
  if (!service) throw new NotFoundError();
  const [scores, unresolved, [mttr], overdue] = await Promise.all([
    prisma.$queryRaw<{ approved_on: Date; score: number | null }[]>`
      SELECT (approved_at AT TIME ZONE 'UTC')::date AS approved_on, overall_score AS score
      FROM assessments WHERE service_id = ${service.id}::uuid AND status = 'completed' ORDER BY approved_at`,
    prisma.$queryRaw<{ approved_on: Date; critical: bigint; high: bigint; medium: bigint; low: bigint }[]>`
      SELECT d.approved_on,
        count(f.id) FILTER (WHERE f.severity = 'critical') AS critical, count(f.id) FILTER (WHERE f.severity = 'high') AS high,
        count(f.id) FILTER (WHERE f.severity = 'medium') AS medium, count(f.id) FILTER (WHERE f.severity = 'low') AS low
      FROM (SELECT DISTINCT (approved_at AT TIME ZONE 'UTC')::date AS approved_on FROM assessments
            WHERE service_id = ${service.id}::uuid AND status = 'completed') d
      LEFT JOIN findings f ON f.service_id = ${service.id}::uuid
        AND f.opened_at < (d.approved_on + 1)::timestamp AT TIME ZONE 'UTC'
        AND (f.resolved_at IS NULL OR f.resolved_at >= (d.approved_on + 1)::timestamp AT TIME ZONE 'UTC')
      GROUP BY d.approved_on ORDER BY d.approved_on`,
    prisma.$queryRaw<{ days: number | null; resolved: bigint }[]>`
      SELECT avg(extract(epoch FROM resolved_at - opened_at) / 86400)::float AS days, count(*) AS resolved
      FROM findings WHERE service_id = ${service.id}::uuid AND status = 'resolved' AND resolved_at IS NOT NULL`,
    prisma.finding.count({ where: { serviceId: service.id, status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lt: now } } }),
  ]);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    scores: scores.map((s) => ({ approvedOn: day(s.approved_on), score: s.score })),
    unresolved: unresolved.map((u) => ({ approvedOn: day(u.approved_on), critical: Number(u.critical), high: Number(u.high), medium: Number(u.medium), low: Number(u.low) })),
    meanDaysToRemediate: mttr?.days === null || mttr?.days === undefined ? null : Math.round(mttr.days * 10) / 10,
    resolvedCount: Number(mttr?.resolved ?? 0),
    overdue,
    change: scores.length >= 2 ? { before: scores.at(-2)!.score, after: scores.at(-1)!.score } : null,
  };
}
