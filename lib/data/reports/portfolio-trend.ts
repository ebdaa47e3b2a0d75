import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { TrendPoint } from "../../posture/trend-summary";
import { meanFromTenths, tenths } from "../../scoring/mean";
import { visibleTeamIds } from "./scope-teams";

export type { TrendPoint };

/**
 * Month by month: the mean latest score of the assessed services and their
 * unresolved findings by severity, as each month ended (the current month: as
 * it stands). Read from team_posture, one lookup per team and month.
 */
export async function getPortfolioTrend(principal: Principal, options: { months?: number; teamSlug?: string; now?: Date } = {}): Promise<TrendPoint[]> {
  const teams = await visibleTeamIds(principal, options.teamSlug);
  if (teams.length === 0) return [];
  const months = Math.min(Math.max(options.months ?? 18, 1), 120);
  const now = options.now ?? new Date();
  const rows = await getPrisma().$queryRaw<{ month: Date; assessed: bigint; score_sum: number; critical: bigint; high: bigint; medium: bigint; low: bigint }[]>`
    WITH months AS (
      SELECT generate_series(date_trunc('month', ${now}::timestamptz AT TIME ZONE 'UTC') - make_interval(months => ${months - 1}::int),
                             date_trunc('month', ${now}::timestamptz AT TIME ZONE 'UTC'), interval '1 month')::date AS month
    )
    SELECT m.month, coalesce(sum(p.assessed), 0) AS assessed, coalesce(sum(p.score_sum), 0) AS score_sum,
      coalesce(sum(p.unresolved_critical), 0) AS critical, coalesce(sum(p.unresolved_high), 0) AS high,
      coalesce(sum(p.unresolved_medium), 0) AS medium, coalesce(sum(p.unresolved_low), 0) AS low
    FROM months m
    CROSS JOIN unnest(${teams}::uuid[]) AS t(team_id)
    LEFT JOIN LATERAL (
      SELECT * FROM team_posture tp
      WHERE tp.team_id = t.team_id AND tp.day < (m.month + interval '1 month')::date
      ORDER BY tp.day DESC LIMIT 1
    ) p ON true
    GROUP BY m.month ORDER BY m.month`;
  return rows.map((r) => {
    const assessed = Number(r.assessed);
    return {
      month: r.month.toISOString().slice(0, 10),
      score: meanFromTenths(tenths(r.score_sum), assessed),
      assessed,
      critical: Number(r.critical),
      high: Number(r.high),
      medium: Number(r.medium),
      low: Number(r.low),
    };
  });
}
