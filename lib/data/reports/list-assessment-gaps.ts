import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { DUE_SOON_DAYS, reviewState, type ReviewIntervals, type ReviewState } from "../../programme/cadence";
import { getProgrammeSettings } from "../programme/settings";
import { servicesVisibleSql } from "../scope";

export interface AssessmentGap {
  slug: string;
  name: string;
  team: string;
  tier: string;
  lastAssessedAt: Date | null;
  dueOn: Date | null;
  state: Exclude<ReviewState, "current">;
}

export interface AssessmentGaps {
  intervals: ReviewIntervals;
  counts: { never: number; overdue: number; dueSoon: number };
  services: AssessmentGap[];
}

/**
 * Services whose review is due by their tier's cadence: never assessed,
 * overdue, or due within DUE_SOON_DAYS, soonest first (never first of all).
 */
export async function listAssessmentGaps(principal: Principal, now: Date = new Date(), limit = 50): Promise<AssessmentGaps> {
  const { intervals } = await getProgrammeSettings();
  const horizon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
  const rows = await getPrisma().$queryRaw<{ slug: string; name: string; team: string; tier: string; last_assessed_at: Date | null; due: Date | null }[]>`
    SELECT x.* FROM (
      SELECT s.slug, s.name, t.name AS team, s.criticality::text AS tier, s.last_assessed_at,
             s.last_assessed_at + i.days * interval '1 day' AS due
      FROM services s JOIN teams t ON t.id = s.team_id
      JOIN (VALUES ('critical', ${intervals.critical}::int), ('high', ${intervals.high}::int), ('medium', ${intervals.medium}::int), ('low', ${intervals.low}::int))
        AS i(tier, days) ON i.tier::criticality = s.criticality
      WHERE ${servicesVisibleSql(principal, now)}
    ) x
    WHERE x.due IS NULL OR x.due <= ${horizon}
    ORDER BY x.due ASC NULLS FIRST, x.name`;
  const services = rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    team: r.team,
    tier: r.tier,
    lastAssessedAt: r.last_assessed_at,
    dueOn: r.due,
    state: reviewState(r.due, now) as AssessmentGap["state"],
  }));
  const count = (state: AssessmentGap["state"]) => services.filter((s) => s.state === state).length;
  return { intervals, counts: { never: count("never"), overdue: count("overdue"), dueSoon: count("due_soon") }, services: services.slice(0, limit) };
}
