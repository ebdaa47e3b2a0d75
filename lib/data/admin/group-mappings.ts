import "server-only";
import { about, actorOf, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { groupGrants, type GroupGrantKind } from "../../vocabulary/records";
import { teamRoles, type TeamRole } from "../../vocabulary/roles";
import { NotFoundError, ValidationError } from "../errors";
import { assertOrgAdmin } from "../scope";
import { applyMappingChange } from "./group-roles";
import { MAX_GRANT_DAYS } from "./manage-access";

export interface GroupMappingRow {
  id: string;
  groupName: string;
  grant: GroupGrantKind;
  team: { id: string; name: string } | null;
  role: TeamRole | null;
  until: Date | null;
}

export type NewGroupMapping = { groupName: string } & (
  { grant: "team_role"; teamId: string; role: TeamRole } | { grant: "org_auditor"; untilOn: string } | { grant: "admin" }
);

export async function listGroupMappings(principal: Principal): Promise<GroupMappingRow[]> {
  assertOrgAdmin(principal);
  const rows = await getPrisma().groupMapping.findMany({
    orderBy: [{ groupName: "asc" }, { createdAt: "asc" }],
    include: { team: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    groupName: r.groupName,
    grant: groupGrants.fromDb(r.grant),
    team: r.team,
    role: r.role ? teamRoles.fromDb(r.role) : null,
    until: r.until,
  }));
}

/**
 * Says what membership of a group gives. It applies at once to the members the
 * identity provider last named, and to everyone else at their next sign-in.
 * Returns how many members it applied to.
 */
export async function createGroupMapping(principal: Principal, input: NewGroupMapping, context: RequestContext, now = new Date()): Promise<number> {
  assertOrgAdmin(principal);
  const until = input.grant === "org_auditor" ? new Date(`${input.untilOn}T23:59:59.999Z`) : null;
  if (until && (until <= now || until.getTime() - now.getTime() > MAX_GRANT_DAYS * 86_400_000)) {
    throw new ValidationError(`Choose a day from tomorrow to ${MAX_GRANT_DAYS} days ahead.`, { untilOn: ["Not in range."] });
  }
  return getPrisma().$transaction(async (tx) => {
    const teamId = input.grant === "team_role" ? input.teamId : null;
    if (teamId && !(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } })))
      throw new ValidationError("Choose a team.", { teamId: ["Choose a team."] });
    const same = await tx.groupMapping.findFirst({ where: { groupName: input.groupName, grant: groupGrants.toDb(input.grant), teamId } });
    if (same) throw new ValidationError("This group already gives that; remove the mapping first to change it.", { groupName: ["Already mapped."] });
    const row = await tx.groupMapping.create({
      data: {
        groupName: input.groupName,
        grant: groupGrants.toDb(input.grant),
        teamId,
        role: input.grant === "team_role" ? teamRoles.toDb(input.role) : null,
        until,
      },
    });
    await recordAuditEvent(tx, {
      action: "group_mapping.created",
      ...eventBy(principal, context, now),
      ...about("group_mapping", row.id, teamId),
      after: {
        groupName: input.groupName,
        grant: input.grant,
        teamId,
        role: input.grant === "team_role" ? input.role : null,
        until: until?.toISOString() ?? null,
      },
    });
    return applyMappingChange(tx, input.groupName, { actorId: principal.userId, actorLabel: actorOf(principal).actorLabel, ...context }, now);
  });
}

/** Removes a mapping; the members the identity provider last named lose what it gave at once. */
export async function removeGroupMapping(principal: Principal, id: string, context: RequestContext, now = new Date()): Promise<number> {
  assertOrgAdmin(principal);
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.groupMapping.findUnique({ where: { id } });
    if (!row) throw new NotFoundError();
    await tx.groupMapping.delete({ where: { id } });
    await recordAuditEvent(tx, {
      action: "group_mapping.removed",
      ...eventBy(principal, context, now),
      ...about("group_mapping", row.id, row.teamId),
      before: { groupName: row.groupName, grant: groupGrants.fromDb(row.grant), teamId: row.teamId },
    });
    return applyMappingChange(tx, row.groupName, { actorId: principal.userId, actorLabel: actorOf(principal).actorLabel, ...context }, now);
  });
}
