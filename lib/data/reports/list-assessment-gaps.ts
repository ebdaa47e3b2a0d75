import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { getEnv } from "../../env";
import { servicesVisibleTo } from "../scope";

export interface AssessmentGap {
  slug: string;
  name: string;
  team: string;
  lastAssessedAt: Date | null;
}

/** Services never assessed, or not within STALE_ASSESSMENT_DAYS, oldest first. */
export async function listAssessmentGaps(principal: Principal, now: Date = new Date()): Promise<{ staleDays: number; services: AssessmentGap[] }> {
  const staleDays = getEnv().STALE_ASSESSMENT_DAYS;
  const cutoff = new Date(now.getTime() - staleDays * 86_400_000);
  const rows = await getPrisma().service.findMany({
    where: { AND: [servicesVisibleTo(principal, now), { OR: [{ lastAssessedAt: null }, { lastAssessedAt: { lt: cutoff } }] }] },
    orderBy: [{ lastAssessedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    take: 50,
    select: { slug: true, name: true, lastAssessedAt: true, team: { select: { name: true } } },
  });
  return { staleDays, services: rows.map((r) => ({ slug: r.slug, name: r.name, team: r.team.name, lastAssessedAt: r.lastAssessedAt })) };
}
