import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { visibleTeamIds } from "./scope-teams";
import { meanFromTenths, tenths } from "../../scoring/mean";
import { dayAfter, dayStart } from "../../findings/filter";

export interface Period {
  from: string;
  /** Inclusive. */
  to: string;
}

export interface PeriodFigures {
  period: Period;
  /** Mean latest score of assessed services, as the period ended. */
  scoreAtEnd: number | null;
  unresolvedAtEnd: number;
  assessmentsCompleted: number;
  findingsOpened: number;
  findingsResolved: number;
}

const DAY = 86_400_000;

/** The quarter holding `now` and the one before it, as the default comparison. */
export function defaultPeriods(now: Date = new Date()): [Period, Period] {
  const quarterStart = (year: number, quarter: number) => new Date(Date.UTC(year, quarter * 3, 1));
  const q = Math.floor(now.getUTCMonth() / 3);
  const thisStart = quarterStart(now.getUTCFullYear(), q);
  const lastStart = quarterStart(now.getUTCFullYear(), q - 1);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return [
    { from: iso(lastStart), to: iso(new Date(thisStart.getTime() - DAY)) },
    { from: iso(thisStart), to: iso(new Date(quarterStart(now.getUTCFullYear(), q + 1).getTime() - DAY)) },
  ];
}

/** Where each period ended up and what happened in it, within the principal's teams. */
export async function comparePeriods(principal: Principal, periods: Period[]): Promise<PeriodFigures[]> {
  const teams = await visibleTeamIds(principal);
  return Promise.all(
    periods.map(async (period) => {
      // The same bounds the findings list applies for these days, so each figure equals the list it leads to.
      const from = dayStart(period.from);
      const end = dayAfter(period.to);
      const [row] = await getPrisma().$queryRaw<
        { assessed: bigint; score_sum: number; unresolved: bigint; completed: bigint; opened: bigint; resolved: bigint }[]
      >`
        SELECT
          (SELECT coalesce(sum(p.assessed), 0) FROM unnest(${teams}::uuid[]) t(id)
             CROSS JOIN LATERAL (SELECT assessed FROM team_posture WHERE team_id = t.id AND day < ${end}::date ORDER BY day DESC LIMIT 1) p) AS assessed,
          (SELECT coalesce(sum(p.score_sum), 0) FROM unnest(${teams}::uuid[]) t(id)
             CROSS JOIN LATERAL (SELECT score_sum FROM team_posture WHERE team_id = t.id AND day < ${end}::date ORDER BY day DESC LIMIT 1) p) AS score_sum,
          (SELECT coalesce(sum(p.n), 0) FROM unnest(${teams}::uuid[]) t(id)
             CROSS JOIN LATERAL (SELECT unresolved_critical + unresolved_high + unresolved_medium + unresolved_low AS n
                                 FROM team_posture WHERE team_id = t.id AND day < ${end}::date ORDER BY day DESC LIMIT 1) p) AS unresolved,
          (SELECT count(*) FROM assessments a JOIN services s ON s.id = a.service_id
             WHERE s.team_id = ANY(${teams}::uuid[]) AND s.archived_at IS NULL AND a.status = 'completed' AND a.approved_at >= ${from} AND a.approved_at < ${end}) AS completed,
          (SELECT count(*) FROM findings f JOIN services s ON s.id = f.service_id
             WHERE s.team_id = ANY(${teams}::uuid[]) AND s.archived_at IS NULL AND f.opened_at >= ${from} AND f.opened_at < ${end}) AS opened,
          (SELECT count(*) FROM findings f JOIN services s ON s.id = f.service_id
             WHERE s.team_id = ANY(${teams}::uuid[]) AND s.archived_at IS NULL AND f.resolved_at >= ${from} AND f.resolved_at < ${end}) AS resolved`;
      const assessed = Number(row!.assessed);
      return {
        period,
        scoreAtEnd: meanFromTenths(tenths(row!.score_sum), assessed),
        unresolvedAtEnd: Number(row!.unresolved),
        assessmentsCompleted: Number(row!.completed),
        findingsOpened: Number(row!.opened),
        findingsResolved: Number(row!.resolved),
      };
    }),
  );
}
