import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { assertOrgAdmin } from "../scope";

export interface OrganisationOverview {
  teams: { name: string; slug: string; members: number; services: number }[];
  users: number;
  admins: number;
  checklists: { version: string; title: string; contentHash: string; publishedAt: Date; items: number; assessments: number }[];
}

/** Facts for the admin area; admins only. */
export async function getOrganisationOverview(principal: Principal): Promise<OrganisationOverview> {
  assertOrgAdmin(principal);
  const prisma = getPrisma();
  const [teams, users, admins, checklists] = await Promise.all([
    prisma.team.findMany({
      orderBy: { name: "asc" },
      select: { name: true, slug: true, _count: { select: { memberships: true, services: true } } },
    }),
    prisma.user.count({ where: { disabledAt: null } }),
    prisma.user.count({ where: { disabledAt: null, isAdmin: true } }),
    prisma.checklistVersion.findMany({
      orderBy: { publishedAt: "desc" },
      select: { version: true, title: true, contentHash: true, publishedAt: true, items: true, _count: { select: { assessments: true } } },
    }),
  ]);
  return {
    teams: teams.map((t) => ({ name: t.name, slug: t.slug, members: t._count.memberships, services: t._count.services })),
    users,
    admins,
    checklists: checklists.map((c) => ({
      version: c.version,
      title: c.title,
      contentHash: c.contentHash,
      publishedAt: c.publishedAt,
      items: (c.items as { items: unknown[] }[]).reduce((sum, factor) => sum + factor.items.length, 0),
      assessments: c._count.assessments,
    })),
  };
}
