import "server-only";
import { readScope, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";

/** The teams whose records the principal may read, for filters and pickers. */
export async function listVisibleTeams(principal: Principal): Promise<{ id: string; slug: string; name: string }[]> {
  const scope = readScope(principal);
  return getPrisma().team.findMany({
    where: scope.kind === "org" ? {} : { id: { in: [...scope.teamIds] } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
}
