import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import { can, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { assertTeamPermission, NotFoundError } from "../scope";

export interface DriftPolicy {
  teamId: string;
  name: string;
  opensFindings: boolean;
}

/** The teams whose findings the principal manages, with whether drift on a critical or high item opens its finding. */
export async function listDriftPolicies(principal: Principal, now: Date = new Date()): Promise<DriftPolicy[]> {
  const teamIds = principal.memberships.filter((m) => can(principal, "finding.manage", { teamId: m.teamId }, now)).map((m) => m.teamId);
  const teams = await getPrisma().team.findMany({
    where: { id: { in: teamIds } },
    select: { id: true, name: true, driftOpensFindings: true },
    orderBy: { name: "asc" },
  });
  return teams.map((t) => ({ teamId: t.id, name: t.name, opensFindings: t.driftOpensFindings }));
}

/** A lead's choice for their team: whether a drift on a critical or high item opens (or reopens) its finding at once. */
export async function setDriftPolicy(principal: Principal, input: { teamId: string; opensFindings: boolean }, now: Date = new Date()): Promise<void> {
  assertTeamPermission(principal, "finding.manage", input.teamId, now);
  await getPrisma().$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true, driftOpensFindings: true } });
    if (!team) throw new NotFoundError();
    if (team.driftOpensFindings === input.opensFindings) return;
    await tx.team.update({ where: { id: team.id }, data: { driftOpensFindings: input.opensFindings } });
    await recordAuditEvent(tx, {
      action: "team.drift_policy_changed",
      ...actorOf(principal),
      ...about("team", team.id, team.id),
      before: { driftOpensFindings: team.driftOpensFindings },
      after: { driftOpensFindings: input.opensFindings },
    });
  });
}
