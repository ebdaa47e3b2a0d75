import "server-only";
import type { Principal } from "../../auth/policy";
import type { TeamRole } from "../../vocabulary/roles";
import { getPrisma } from "../../db/prisma";
import { assertOrgAdmin } from "../scope";
import { teamRoles } from "../../vocabulary/roles";

export interface TeamRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  members: Record<TeamRole, number>;
  services: number;
  createdAt: Date;
}

/** Every team with its head counts by role; admins only. */
export async function listTeams(principal: Principal): Promise<TeamRow[]> {
  assertOrgAdmin(principal);
  const prisma = getPrisma();
  const [teams, counts] = await Promise.all([
    prisma.team.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, description: true, createdAt: true, _count: { select: { services: { where: { archivedAt: null } } } } },
    }),
    prisma.membership.groupBy({ by: ["teamId", "role"], _count: { _all: true } }),
  ]);
  return teams.map((team) => {
    const members = teamRoles.count();
    for (const row of counts) if (row.teamId === team.id) members[teamRoles.fromDb(row.role)] = row._count._all;
    return { id: team.id, name: team.name, slug: team.slug, description: team.description, members, services: team._count.services, createdAt: team.createdAt };
  });
}
