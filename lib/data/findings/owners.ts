import "server-only";
import { getPrisma } from "../../db/prisma";

/** Who may own a team's findings: its enabled members, by name. Callers have checked the principal reads the team. */
export async function possibleOwners(teamId: string): Promise<{ id: string; name: string }[]> {
  const members = await getPrisma().membership.findMany({
    where: { teamId, user: { disabledAt: null } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true } } },
  });
  return members.map((m) => m.user);
}
