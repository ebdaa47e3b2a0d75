import "server-only";
import { recordAuditEvent } from "../../audit/record";
import type { Prisma } from "../../generated/prisma/client";
import { teamRoles, type TeamRole } from "../../vocabulary/roles";
import { groupGrants } from "../../vocabulary/records";

type Db = Prisma.TransactionClient;

/** Who made the change: the user's own sign-in (the OIDC claim), or the identity provider's SCIM client. */
export interface GroupSyncActor {
  /** The user's sign-in (the OIDC claim), the identity provider over SCIM, or an admin changing the mappings. */
  via: "sso" | "scim" | "mapping";
  actorId: string | null;
  actorLabel: string;
  ipAddress: string | null;
  userAgent: string | null;
}

/** When two groups give different roles in one team, the role that may do more wins. */
const RANK: Record<TeamRole, number> = { auditor: 0, owner: 1, reviewer: 2, lead: 3 };

export interface GroupRoleChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * Makes the roles a user holds through group mappings match the groups the
 * identity provider says they are in: adds what the groups give, changes a
 * mapped role to the groups' role, and removes what no group gives any more.
 * Roles given by hand (a membership, an auditor grant, the admin flag) are
 * never touched, nor replaced: a hand-made membership in a team keeps that team
 * out of the mapping's reach. Each change is its own audit event.
 */
export async function syncGroupRoles(tx: Db, userId: string, groups: readonly string[], actor: GroupSyncActor, now: Date): Promise<GroupRoleChanges> {
  const changes: GroupRoleChanges = { added: [], changed: [], removed: [] };
  const names = [...new Set(groups)];
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { isAdmin: true, adminViaGroup: true, idpGroups: true } });
  // Kept, so that a mapping added or removed later applies to this user at once (applyMappingChange); written only when they differ.
  if (user.idpGroups.length !== names.length || user.idpGroups.some((g, i) => g !== names[i])) {
    await tx.user.update({ where: { id: userId }, data: { idpGroups: names } });
  }
  const mappings = await tx.groupMapping.findMany({ where: { groupName: { in: names } } });
  const audit = (action: Parameters<typeof recordAuditEvent>[1]["action"], teamId: string | null, before: unknown, after: unknown) =>
    recordAuditEvent(tx, {
      action,
      actorId: actor.actorId,
      actorLabel: actor.actorLabel,
      ipAddress: actor.ipAddress,
      userAgent: actor.userAgent,
      occurredAt: now,
      targetType: "user",
      targetId: userId,
      teamId,
      before,
      after,
    });

  // Team roles.
  const wanted = new Map<string, { role: TeamRole; group: string }>();
  for (const m of mappings) {
    if (groupGrants.fromDb(m.grant) !== "team_role" || !m.teamId || !m.role) continue;
    const role = teamRoles.fromDb(m.role);
    const held = wanted.get(m.teamId);
    if (!held || RANK[role] > RANK[held.role]) wanted.set(m.teamId, { role, group: m.groupName });
  }
  const memberships = await tx.membership.findMany({ where: { userId } });
  for (const membership of memberships) {
    const want = wanted.get(membership.teamId);
    wanted.delete(membership.teamId);
    if (!membership.viaGroup) continue; // given by hand: never touched
    const before = teamRoles.fromDb(membership.role);
    if (!want) {
      await tx.membership.delete({ where: { id: membership.id } });
      await audit("membership.changed", membership.teamId, { role: before }, { role: null, via: actor.via });
      changes.removed.push(`${before} of team ${membership.teamId}`);
    } else if (want.role !== before) {
      await tx.membership.update({ where: { id: membership.id }, data: { role: teamRoles.toDb(want.role) } });
      await audit("membership.changed", membership.teamId, { role: before }, { role: want.role, via: actor.via, group: want.group });
      changes.changed.push(`${want.role} of team ${membership.teamId}`);
    }
  }
  for (const [teamId, want] of wanted) {
    await tx.membership.create({ data: { userId, teamId, role: teamRoles.toDb(want.role), viaGroup: true } });
    await audit("membership.changed", teamId, { role: null }, { role: want.role, via: actor.via, group: want.group });
    changes.added.push(`${want.role} of team ${teamId}`);
  }

  // Org-wide auditor access: until the latest date a matching mapping gives.
  const auditorUntil = mappings
    .filter((m) => groupGrants.fromDb(m.grant) === "org_auditor" && m.until && m.until > now)
    .reduce<Date | null>((latest, m) => (!latest || m.until! > latest ? m.until! : latest), null);
  const grants = await tx.auditorGrant.findMany({ where: { userId, viaGroup: true, revokedAt: null, expiresAt: { gt: now } } });
  for (const grant of grants) {
    if (auditorUntil && grant.expiresAt.getTime() === auditorUntil.getTime()) continue;
    await tx.auditorGrant.update({ where: { id: grant.id }, data: { revokedAt: now } });
    await audit("auditor_grant.revoked", null, { expiresAt: grant.expiresAt.toISOString() }, { via: actor.via });
    changes.removed.push("org auditor");
  }
  if (auditorUntil && !grants.some((g) => g.expiresAt.getTime() === auditorUntil.getTime())) {
    await tx.auditorGrant.create({ data: { userId, expiresAt: auditorUntil, viaGroup: true, reason: `Identity-provider group (${actor.via})` } });
    await audit("auditor_grant.created", null, null, { expiresAt: auditorUntil.toISOString(), via: actor.via });
    changes.added.push("org auditor");
  }

  // The admin flag.
  const admin = mappings.some((m) => groupGrants.fromDb(m.grant) === "admin");
  if (admin && !user.isAdmin) {
    await tx.user.update({ where: { id: userId }, data: { isAdmin: true, adminViaGroup: true } });
    await audit("user.admin_changed", null, { isAdmin: false }, { isAdmin: true, via: actor.via });
    changes.added.push("admin");
  } else if (!admin && user.isAdmin && user.adminViaGroup) {
    await tx.user.update({ where: { id: userId }, data: { isAdmin: false, adminViaGroup: false } });
    await audit("user.admin_changed", null, { isAdmin: true }, { isAdmin: false, via: actor.via });
    changes.removed.push("admin");
  }
  return changes;
}

/**
 * After an admin adds or removes a mapping of `groupName`: every user the
 * identity provider last placed in that group gets what their groups now give,
 * at once, rather than at their next sign-in (a removed admin mapping must not
 * linger for as long as a session lasts).
 */
export async function applyMappingChange(tx: Db, groupName: string, actor: Omit<GroupSyncActor, "via">, now: Date): Promise<number> {
  const users = await tx.user.findMany({ where: { idpGroups: { has: groupName }, scimDeletedAt: null }, select: { id: true, idpGroups: true } });
  for (const user of users) await syncGroupRoles(tx, user.id, user.idpGroups, { ...actor, via: "mapping" }, now);
  return users.length;
}
