import "server-only";
import { readScope, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { NotFoundError } from "../errors";

/**
 * The ids of the teams whose figures the principal may see, optionally narrowed
 * to one team by slug: a team the principal may not read (or none by that slug)
 * is not found, never an empty answer.
 */
export async function visibleTeamIds(principal: Principal, teamSlug?: string): Promise<string[]> {
  const scope = readScope(principal);
  const teams = await getPrisma().team.findMany({
    where: { ...(scope.kind === "org" ? {} : { id: { in: [...scope.teamIds] } }), ...(teamSlug ? { slug: teamSlug } : {}) },
    select: { id: true },
  });
  if (teamSlug && teams.length === 0) throw new NotFoundError();
  return teams.map((t) => t.id);
}
