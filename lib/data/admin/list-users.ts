import "server-only";
import type { Principal } from "../../auth/policy";
import type { TeamRole } from "../../vocabulary/roles";
import { getPrisma } from "../../db/prisma";
import { assertOrgAdmin } from "../scope";
import { teamRoles } from "../../vocabulary/roles";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  hasPassword: boolean;
  lastSignInAt: Date | null;
  memberships: { team: string; role: TeamRole }[];
  auditorUntil: Date | null;
}

export async function listUsers(principal: Principal, now: Date = new Date()): Promise<UserRow[]> {
  assertOrgAdmin(principal);
  const users = await getPrisma().user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      isAdmin: true,
      disabledAt: true,
      passwordHash: true,
      lastSignInAt: true,
      memberships: { select: { role: true, team: { select: { name: true } } }, orderBy: { team: { name: "asc" } } },
      auditorGrants: { where: { revokedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    disabled: user.disabledAt !== null,
    // Whether one is set, never the hash itself.
    hasPassword: user.passwordHash !== null,
    lastSignInAt: user.lastSignInAt,
    memberships: user.memberships.map((m) => ({ team: m.team.name, role: teamRoles.fromDb(m.role) })),
    auditorUntil: user.auditorGrants.length ? new Date(Math.max(...user.auditorGrants.map((g) => g.expiresAt.getTime()))) : null,
  }));
}
