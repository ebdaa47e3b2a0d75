// Keeps team_posture current: one row per team and day on which its posture
// changed, written in the transaction that changed it.
import type { Prisma, PrismaClient } from "../generated/prisma/client";

type Db = Prisma.TransactionClient | PrismaClient;

/** Today's row for a team, from the current state of its services and findings. */
export async function recordTeamPosture(db: Db, teamId: string, at: Date = new Date()): Promise<void> {
  await db.$executeRaw`
    INSERT INTO team_posture (team_id, day, services, assessed, score_sum, unresolved_critical, unresolved_high, unresolved_medium, unresolved_low, updated_at)
    SELECT ${teamId}::uuid, (${at}::timestamptz AT TIME ZONE 'UTC')::date,
      (SELECT count(*) FROM services s WHERE s.team_id = ${teamId}::uuid AND s.archived_at IS NULL),
      (SELECT count(*) FROM services s WHERE s.team_id = ${teamId}::uuid AND s.archived_at IS NULL AND s.latest_score IS NOT NULL),
      (SELECT coalesce(sum(s.latest_score), 0) FROM services s WHERE s.team_id = ${teamId}::uuid AND s.archived_at IS NULL),
      f.critical, f.high, f.medium, f.low, now()
    FROM (
      SELECT count(*) FILTER (WHERE f.severity = 'critical') AS critical, count(*) FILTER (WHERE f.severity = 'high') AS high,
             count(*) FILTER (WHERE f.severity = 'medium') AS medium, count(*) FILTER (WHERE f.severity = 'low') AS low
      FROM findings f JOIN services s ON s.id = f.service_id
      WHERE s.team_id = ${teamId}::uuid AND s.archived_at IS NULL AND f.status <> 'resolved'
    ) f
    ON CONFLICT (team_id, day) DO UPDATE SET services = EXCLUDED.services, assessed = EXCLUDED.assessed, score_sum = EXCLUDED.score_sum,
      unresolved_critical = EXCLUDED.unresolved_critical, unresolved_high = EXCLUDED.unresolved_high,
      unresolved_medium = EXCLUDED.unresolved_medium, unresolved_low = EXCLUDED.unresolved_low, updated_at = now()`;
}

/**
 * Rebuilds the whole series from the assessments and findings tables: a row for
 * every day an assessment was approved, as things stood at the end of it. For
 * data loaded in bulk (the demo, the scale seed). A finding that was resolved and
 * later reopened counts as unresolved from its first opening.
 *
 * Set-based, so it stays a matter of seconds at a thousand services over five
 * years: every change to a team's figures (a service added, a service's latest
 * score replaced, a finding opened or resolved) is a delta on its day, and the
 * figures on a day are the running sum of the deltas up to it.
 */
export async function rebuildTeamPosture(db: Db): Promise<number> {
  await db.$executeRaw`DELETE FROM team_posture`;
  return db.$executeRaw`
    WITH live AS (SELECT id, team_id, created_at FROM services WHERE archived_at IS NULL),
    approvals AS (
      SELECT s.team_id, (a.approved_at AT TIME ZONE 'UTC')::date AS day,
             CASE WHEN a.overall_score IS NULL THEN 0 ELSE 1 END AS counted, coalesce(a.overall_score, 0) AS score,
             a.service_id, a.approved_at, a.id
      FROM assessments a JOIN live s ON s.id = a.service_id
      WHERE a.status = 'completed' AND a.approved_at IS NOT NULL
    ),
    changes AS (
      SELECT team_id, (created_at AT TIME ZONE 'UTC')::date AS day, 1 AS services, 0 AS assessed, 0::float8 AS score,
             0 AS critical, 0 AS high, 0 AS medium, 0 AS low
      FROM live
      UNION ALL
      SELECT team_id, day, 0,
             counted - coalesce(lag(counted) OVER w, 0), score - coalesce(lag(score) OVER w, 0), 0, 0, 0, 0
      FROM approvals WINDOW w AS (PARTITION BY service_id ORDER BY approved_at, id)
      UNION ALL
      SELECT s.team_id, e.day, 0, 0, 0,
             e.delta * (f.severity = 'critical')::int, e.delta * (f.severity = 'high')::int,
             e.delta * (f.severity = 'medium')::int, e.delta * (f.severity = 'low')::int
      FROM findings f JOIN live s ON s.id = f.service_id
      CROSS JOIN LATERAL (VALUES ((f.opened_at AT TIME ZONE 'UTC')::date, 1), ((f.resolved_at AT TIME ZONE 'UTC')::date, -1)) AS e(day, delta)
      WHERE e.day IS NOT NULL
    ),
    running AS (
      SELECT team_id, day,
             sum(sum(services)) OVER t AS services, sum(sum(assessed)) OVER t AS assessed, sum(sum(score)) OVER t AS score_sum,
             sum(sum(critical)) OVER t AS critical, sum(sum(high)) OVER t AS high,
             sum(sum(medium)) OVER t AS medium, sum(sum(low)) OVER t AS low
      FROM changes GROUP BY team_id, day
      WINDOW t AS (PARTITION BY team_id ORDER BY day)
    )
    INSERT INTO team_posture (team_id, day, services, assessed, score_sum, unresolved_critical, unresolved_high, unresolved_medium, unresolved_low)
    SELECT r.team_id, r.day, r.services::int, r.assessed::int, round(r.score_sum::numeric, 6)::float8,
           r.critical::int, r.high::int, r.medium::int, r.low::int
    FROM running r
    WHERE EXISTS (SELECT 1 FROM approvals a WHERE a.team_id = r.team_id AND a.day = r.day)`;
}
