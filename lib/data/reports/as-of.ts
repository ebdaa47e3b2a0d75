import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { AsOf } from "../../posture/as-of";
import { severities, tiers, type Criticality } from "../../vocabulary/levels";
import type { OpenFindingCounts } from "../findings/count-open-findings";
import { byFactor, type ServiceScores } from "../services/list-service-summaries";
import { servicesVisibleSql } from "../scope";

/**
 * The services the principal may read that existed at the end of the day,
 * each with the scores of its latest assessment approved by then: the
 * portfolio as an audit period's end saw it.
 */
export async function serviceScoresAsOf(principal: Principal, asOf: AsOf): Promise<ServiceScores[]> {
  const rows = await getPrisma().$queryRaw<
    {
      id: string;
      slug: string;
      name: string;
      team_name: string;
      team_slug: string;
      criticality: Uppercase<Criticality>;
      owner: string | null;
      overall_score: number | null;
      factor_scores: unknown;
      approved_at: Date | null;
    }[]
  >`
    SELECT s.id, s.slug, s.name, t.name AS team_name, t.slug AS team_slug, upper(s.criticality::text) AS criticality, u.name AS owner,
           a.overall_score, a.factor_scores, a.approved_at
    FROM services s JOIN teams t ON t.id = s.team_id LEFT JOIN users u ON u.id = s.owner_id
    LEFT JOIN LATERAL (
      SELECT overall_score, factor_scores, approved_at FROM assessments
      WHERE service_id = s.id AND status = 'completed' AND approved_at < ${asOf.cutoff}
      ORDER BY approved_at DESC LIMIT 1
    ) a ON true
    WHERE ${servicesVisibleSql(principal)} AND s.created_at < ${asOf.cutoff}
    ORDER BY t.name, s.name`;
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    team: { name: r.team_name, slug: r.team_slug },
    criticality: tiers.fromDb(r.criticality),
    owner: r.owner,
    latestScore: r.overall_score,
    currentScore: null,
    lastAssessedAt: r.approved_at,
    factorScores: byFactor(r.factor_scores),
    catalogMissingSince: null,
  }));
}

/**
 * Findings being worked on (open or in progress) at the end of the day, by
 * their severity then, from each finding's history: its status is the one its
 * last event by then left it in (opened, reopened and a lapsed acceptance open
 * it; resolution and acceptance close it; a status change says what it became),
 * its severity and due date the ones its last changes by then set. Overdue: its
 * due date then had passed by then.
 */
export async function openFindingsAsOf(principal: Principal, asOf: AsOf, serviceId: string | null = null): Promise<OpenFindingCounts> {
  const groups = await getPrisma().$queryRaw<{ severity: Criticality; n: number; overdue: number }[]>`
    SELECT y.severity, count(*)::int AS n, count(*) FILTER (WHERE y.due < ${asOf.cutoff})::int AS overdue
    FROM (
      SELECT
        COALESCE(
          (SELECT e.detail->>'to' FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'severity_changed' AND e.occurred_at < ${asOf.cutoff} ORDER BY e.occurred_at DESC LIMIT 1),
          (SELECT e.detail->>'from' FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'severity_changed' ORDER BY e.occurred_at ASC LIMIT 1),
          f.severity::text) AS severity,
        COALESCE(
          (SELECT CASE e.kind WHEN 'status_changed' THEN e.detail->>'to' WHEN 'resolved' THEN 'resolved' WHEN 'risk_accepted' THEN 'risk_accepted' ELSE 'open' END
             FROM finding_events e
             WHERE e.finding_id = f.id AND e.kind IN ('opened', 'reopened', 'risk_lapsed', 'resolved', 'risk_accepted', 'status_changed') AND e.occurred_at < ${asOf.cutoff}
             ORDER BY e.occurred_at DESC LIMIT 1),
          CASE WHEN f.resolved_at IS NOT NULL AND f.resolved_at < ${asOf.cutoff} THEN 'resolved' ELSE 'open' END) AS accepted_or_status,
        f.status::text AS status_now, f.risk_acceptance_expires_at,
        COALESCE(
          (SELECT NULLIF(e.detail->>'to', '')::timestamptz FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'due_date_changed' AND e.occurred_at < ${asOf.cutoff} ORDER BY e.occurred_at DESC LIMIT 1),
          (SELECT NULLIF(e.detail->>'from', '')::timestamptz FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'due_date_changed' ORDER BY e.occurred_at ASC LIMIT 1),
          f.due_date) AS due
      FROM findings f JOIN services s ON s.id = f.service_id
      WHERE ${servicesVisibleSql(principal)} AND f.opened_at < ${asOf.cutoff} AND (${serviceId}::uuid IS NULL OR s.id = ${serviceId}::uuid)
    ) y
    -- An acceptance in force now that had run out by the day counts as lapsed then, whether or not the lapse has been written yet.
    CROSS JOIN LATERAL (
      SELECT CASE WHEN y.accepted_or_status = 'risk_accepted' AND y.status_now = 'risk_accepted' AND y.risk_acceptance_expires_at < ${asOf.cutoff}
                  THEN 'open' ELSE y.accepted_or_status END AS status
    ) st
    WHERE st.status IN ('open', 'in_progress')
    GROUP BY y.severity`;
  const bySeverity = severities.count();
  for (const g of groups) if (severities.is(g.severity)) bySeverity[g.severity] = g.n;
  const total = Object.values(bySeverity).reduce((a, b) => a + b, 0);
  return { bySeverity, total, overdue: groups.reduce((sum, g) => sum + g.overdue, 0) };
}
