import "server-only";
import { readScope, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";

/** The ids of the teams whose figures the principal may see, optionally narrowed to one team by slug. */
export async function visibleTeamIds(principal: Principal, teamSlug?: string): Promise<string[]> {
  const scope = readScope(principal);
  const teams = await getPrisma().team.findMany({
    where: { ...(scope.kind === "org" ? {} : { id: { in: [...scope.teamIds] } }), ...(teamSlug ? { slug: teamSlug } : {}) },
    select: { id: true },
  });
  return teams.map((t) => t.id);
}
