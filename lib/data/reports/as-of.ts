import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";
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
 * Each finding opened by the end of the day, as its history says it stood then:
 * its status is the one its last event by then left it in (opened, reopened
 * and a lapsed acceptance open it; resolution and acceptance close it; a status
 * change says what it became; an acceptance in force now that had run out by
 * then counts as lapsed, whether or not the lapse has been written yet), its
 * severity and due date the ones its last changes by then set. One row each:
 * `service_id, item_id, title, owner, severity, due, status`.
 */
function findingsThen(principal: Principal, asOf: AsOf, where: Prisma.Sql): Prisma.Sql {
  const cutoff = asOf.cutoff;
  return Prisma.sql`
    SELECT y.service_id, y.item_id, y.title, y.owner, y.severity, y.due, st.status
    FROM (
      SELECT f.service_id, f.item_id, f.title, u.name AS owner,
        COALESCE(
          (SELECT e.detail->>'to' FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'severity_changed' AND e.occurred_at < ${cutoff} ORDER BY e.occurred_at DESC LIMIT 1),
          (SELECT e.detail->>'from' FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'severity_changed' ORDER BY e.occurred_at ASC LIMIT 1),
          f.severity::text) AS severity,
        COALESCE(
          (SELECT CASE e.kind WHEN 'status_changed' THEN e.detail->>'to' WHEN 'resolved' THEN 'resolved' WHEN 'risk_accepted' THEN 'risk_accepted' ELSE 'open' END
             FROM finding_events e
             WHERE e.finding_id = f.id AND e.kind IN ('opened', 'reopened', 'risk_lapsed', 'resolved', 'risk_accepted', 'status_changed') AND e.occurred_at < ${cutoff}
             ORDER BY e.occurred_at DESC LIMIT 1),
          CASE WHEN f.resolved_at IS NOT NULL AND f.resolved_at < ${cutoff} THEN 'resolved' ELSE 'open' END) AS accepted_or_status,
        f.status::text AS status_now, f.risk_acceptance_expires_at,
        COALESCE(
          (SELECT NULLIF(e.detail->>'to', '')::timestamptz FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'due_date_changed' AND e.occurred_at < ${cutoff} ORDER BY e.occurred_at DESC LIMIT 1),
          (SELECT NULLIF(e.detail->>'from', '')::timestamptz FROM finding_events e WHERE e.finding_id = f.id AND e.kind = 'due_date_changed' ORDER BY e.occurred_at ASC LIMIT 1),
          f.due_date) AS due
      FROM findings f JOIN services s ON s.id = f.service_id LEFT JOIN users u ON u.id = f.owner_id
      WHERE ${servicesVisibleSql(principal)} AND f.opened_at < ${cutoff} AND ${where}
    ) y
    CROSS JOIN LATERAL (
      SELECT CASE WHEN y.accepted_or_status = 'risk_accepted' AND y.status_now = 'risk_accepted' AND y.risk_acceptance_expires_at < ${cutoff}
                  THEN 'open' ELSE y.accepted_or_status END AS status
    ) st`;
}

/** Findings being worked on (open or in progress) at the end of the day, by their severity then; overdue: their due date then had passed by then. */
export async function openFindingsAsOf(principal: Principal, asOf: AsOf, serviceId: string | null = null): Promise<OpenFindingCounts> {
  const where = serviceId ? Prisma.sql`s.id = ${serviceId}::uuid` : Prisma.sql`true`;
  const groups = await getPrisma().$queryRaw<{ severity: Criticality; n: number; overdue: number }[]>`
    SELECT x.severity, count(*)::int AS n, count(*) FILTER (WHERE x.due < ${asOf.cutoff})::int AS overdue
    FROM (${findingsThen(principal, asOf, where)}) x
    WHERE x.status IN ('open', 'in_progress')
    GROUP BY x.severity`;
  const bySeverity = severities.count();
  for (const g of groups) if (severities.is(g.severity)) bySeverity[g.severity] = g.n;
  const total = Object.values(bySeverity).reduce((a, b) => a + b, 0);
  return { bySeverity, total, overdue: groups.reduce((sum, g) => sum + g.overdue, 0) };
}

/** Findings not resolved at the end of the day, of the given teams, as they stood then: for a portfolio report of that day. */
export async function unresolvedFindingsAsOf(
  principal: Principal,
  asOf: AsOf,
  teamIds: string[],
): Promise<{ serviceId: string; itemId: string; title: string; owner: string | null; severity: Criticality; status: string; dueDate: Date | null }[]> {
  const rows = await getPrisma().$queryRaw<
    { service_id: string; item_id: string; title: string; owner: string | null; severity: Criticality; due: Date | null; status: string }[]
  >`
    SELECT x.* FROM (${findingsThen(principal, asOf, Prisma.sql`s.team_id = ANY(${teamIds}::uuid[])`)}) x
    WHERE x.status <> 'resolved'
    ORDER BY array_position(ARRAY['critical', 'high', 'medium', 'low'], x.severity), x.due NULLS LAST`;
  return rows.map((r) => ({
    serviceId: r.service_id,
    itemId: r.item_id,
    title: r.title,
    owner: r.owner,
    severity: r.severity,
    status: r.status,
    dueDate: r.due,
  }));
}
