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
 */
export async function rebuildTeamPosture(db: Db): Promise<number> {
  await db.$executeRaw`DELETE FROM team_posture`;
  return db.$executeRaw`
    INSERT INTO team_posture (team_id, day, services, assessed, score_sum, unresolved_critical, unresolved_high, unresolved_medium, unresolved_low)
    SELECT d.team_id, d.day, sv.services, sc.assessed, sc.score_sum, fc.critical, fc.high, fc.medium, fc.low
    FROM (
      SELECT DISTINCT s.team_id, (a.approved_at AT TIME ZONE 'UTC')::date AS day
      FROM assessments a JOIN services s ON s.id = a.service_id
      WHERE a.status = 'completed' AND a.approved_at IS NOT NULL AND s.archived_at IS NULL
    ) d
    CROSS JOIN LATERAL (
      SELECT count(*) AS services FROM services s
      WHERE s.team_id = d.team_id AND s.archived_at IS NULL AND s.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
    ) sv
    CROSS JOIN LATERAL (
      SELECT count(*) AS assessed, coalesce(sum(x.overall_score), 0) AS score_sum FROM (
        SELECT DISTINCT ON (a.service_id) a.overall_score
        FROM assessments a JOIN services s ON s.id = a.service_id
        WHERE s.team_id = d.team_id AND s.archived_at IS NULL AND a.status = 'completed'
          AND a.approved_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
        ORDER BY a.service_id, a.approved_at DESC
      ) x WHERE x.overall_score IS NOT NULL
    ) sc
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE f.severity = 'critical') AS critical, count(*) FILTER (WHERE f.severity = 'high') AS high,
             count(*) FILTER (WHERE f.severity = 'medium') AS medium, count(*) FILTER (WHERE f.severity = 'low') AS low
      FROM findings f JOIN services s ON s.id = f.service_id
      WHERE s.team_id = d.team_id AND s.archived_at IS NULL
        AND f.opened_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
        AND (f.resolved_at IS NULL OR f.resolved_at >= (d.day + 1)::timestamp AT TIME ZONE 'UTC')
    ) fc`;
}
