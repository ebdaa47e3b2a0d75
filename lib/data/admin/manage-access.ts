import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import type { TeamRole } from "../../vocabulary/roles";
import { getPrisma } from "../../db/prisma";
import { NotFoundError, ValidationError } from "../errors";
import { assertOrgAdmin } from "../scope";
import { teamRoles } from "../../vocabulary/roles";

const DAY = 86_400_000;
/** Org-wide read access is for audits: time-limited, at most a year at a time. */
export const MAX_GRANT_DAYS = 366;

/** The last day a grant made today may run to, as YYYY-MM-DD. */
export function latestGrantExpiry(now: Date = new Date()): string {
  return new Date(now.getTime() + (MAX_GRANT_DAYS - 1) * DAY).toISOString().slice(0, 10);
}

/** Gives a user a role in a team, changes it, or (role null) removes them from it. */
export async function setMembership(principal: Principal, input: { userId: string; teamId: string; role: TeamRole | null }): Promise<void> {
  assertOrgAdmin(principal);
  await getPrisma().$transaction(async (tx) => {
    const [user, team] = await Promise.all([
      tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }),
      tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }),
    ]);
    if (!user || !team) throw new NotFoundError();
    const existing = await tx.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId: team.id } } });
    const before = existing ? teamRoles.fromDb(existing.role) : null;
    if (before === input.role) return;
    if (input.role === null) await tx.membership.delete({ where: { id: existing!.id } });
    else if (existing)
      await tx.membership.update({ where: { id: existing.id }, data: { role: teamRoles.toDb(input.role), viaGroup: false } }); // set by hand: the groups leave it alone from now on
    else await tx.membership.create({ data: { userId: user.id, teamId: team.id, role: teamRoles.toDb(input.role) } });
    await recordAuditEvent(tx, {
      action: "membership.changed",
      ...actorOf(principal),
      ...about("user", user.id, team.id),
      before: { role: before },
      after: { role: input.role },
    });
  });
}

/** Org-wide, read-only access until the end of `expiresOn` (UTC); it then ends by itself. */
export async function grantOrgAuditor(
  principal: Principal,
  input: { userId: string; expiresOn: string; reason: string },
  now: Date = new Date(),
): Promise<void> {
  assertOrgAdmin(principal);
  const expiresAt = new Date(`${input.expiresOn}T23:59:59.999Z`);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) throw new ValidationError("Choose an expiry date in the future.");
  if (expiresAt.getTime() - now.getTime() > MAX_GRANT_DAYS * DAY) throw new ValidationError(`A grant lasts at most ${MAX_GRANT_DAYS} days.`);
  await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new NotFoundError();
    const grant = await tx.auditorGrant.create({
      data: { userId: user.id, grantedById: principal.userId, reason: input.reason, expiresAt },
    });
    await recordAuditEvent(tx, {
      action: "auditor_grant.created",
      ...actorOf(principal),
      ...about("user", user.id),
      after: { grantId: grant.id, expiresAt: expiresAt.toISOString(), reason: input.reason },
    });
  });
}

export async function revokeOrgAuditor(principal: Principal, input: { userId: string }, now: Date = new Date()): Promise<void> {
  assertOrgAdmin(principal);
  await getPrisma().$transaction(async (tx) => {
    const active = await tx.auditorGrant.findMany({ where: { userId: input.userId, revokedAt: null, expiresAt: { gt: now } } });
    if (active.length === 0) throw new NotFoundError();
    await tx.auditorGrant.updateMany({ where: { id: { in: active.map((g) => g.id) } }, data: { revokedAt: now } });
    await recordAuditEvent(tx, {
      action: "auditor_grant.revoked",
      ...actorOf(principal),
      ...about("user", input.userId),
      before: { grants: active.map((g) => ({ id: g.id, expiresAt: g.expiresAt.toISOString() })) },
    });
  });
}

export async function listTeamOptions(principal: Principal): Promise<{ id: string; name: string }[]> {
  assertOrgAdmin(principal);
  return getPrisma().team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
