import "server-only";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import { can, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { raiseEvents } from "../../notify/raise";
import { tiers, type Criticality } from "../../vocabulary/levels";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";

export const MAX_CAMPAIGN_TARGETS = 5000;

export interface NewCampaign {
  name: string;
  teamIds: string[];
  tiers: Criticality[];
  checklistVersionId: string;
  deadline: Date;
}

/** The teams a principal may launch campaigns over: every team for admins, the teams they lead otherwise. */
export async function campaignTeams(principal: Principal): Promise<{ id: string; name: string }[]> {
  if (principal.apiToken || principal.integration) return [];
  const teams = await getPrisma().team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return principal.isAdmin
    ? teams
    : teams.filter((t) => can(principal, "assessment.approve", { teamId: t.id }) && principal.memberships.some((m) => m.teamId === t.id));
}

/** The published checklist versions a campaign may ask for, newest first. */
export function campaignChecklistVersions(): Promise<{ id: string; version: string }[]> {
  return getPrisma().checklistVersion.findMany({ orderBy: { publishedAt: "desc" }, select: { id: true, version: true } });
}

/**
 * Launches a campaign: its targets are the live services of the chosen teams
 * and tiers, each linked to the assessment already under way, if any; the
 * targeted teams' leads and reviewers are told. A lead may launch over the
 * teams they lead only; no team chosen means every team the launcher may choose.
 */
export async function launchCampaign(
  principal: Principal,
  input: NewCampaign,
  context: RequestContext,
  now: Date = new Date(),
): Promise<{ id: string; targets: number }> {
  const allowed = await campaignTeams(principal);
  // Only leads (of the teams named) and admins; a team the caller does not lead is as if it did not exist.
  if (allowed.length === 0) throw new ForbiddenError();
  if (input.teamIds.some((id) => !allowed.some((t) => t.id === id))) throw new NotFoundError();
  if (input.deadline.getTime() <= now.getTime()) throw new ValidationError("The deadline must be in the future.", { deadline: ["Choose a day after today."] });
  const teamIds = input.teamIds.length ? input.teamIds : allowed.map((t) => t.id);
  return getPrisma().$transaction(async (tx) => {
    const version = await tx.checklistVersion.findUnique({ where: { id: input.checklistVersionId }, select: { id: true, version: true } });
    if (!version) throw new ValidationError("Choose a published checklist version.", { checklistVersionId: ["Choose a version."] });
    const services = await tx.service.findMany({
      where: { archivedAt: null, teamId: { in: teamIds }, ...(input.tiers.length ? { criticality: { in: input.tiers.map((t) => tiers.toDb(t)) } } : {}) },
      select: { id: true, name: true, teamId: true, assessments: { where: { status: { in: ["DRAFT", "IN_REVIEW"] } }, select: { id: true } } },
      orderBy: { name: "asc" },
    });
    if (services.length === 0) throw new ValidationError("No live service matches these teams and tiers.");
    if (services.length > MAX_CAMPAIGN_TARGETS)
      throw new ValidationError(`A campaign takes at most ${MAX_CAMPAIGN_TARGETS} services; narrow the teams or tiers.`);
    const campaign = await tx.campaign.create({
      data: {
        name: input.name,
        filter: { teamIds: input.teamIds, tiers: input.tiers },
        checklistVersionId: version.id,
        deadline: input.deadline,
        launchedById: principal.userId,
        launchedAt: now,
      },
    });
    await tx.campaignTarget.createMany({
      data: services.map((s) => ({ campaignId: campaign.id, serviceId: s.id, teamId: s.teamId, assessmentId: s.assessments[0]?.id ?? null })),
    });
    await recordAuditEvent(tx, {
      action: "campaign.launched",
      ...eventBy(principal, context, now),
      ...about("campaign", campaign.id),
      after: {
        name: input.name,
        teamIds,
        tiers: input.tiers,
        checklistVersion: version.version,
        deadline: input.deadline.toISOString(),
        targets: services.length,
      },
    });
    const byTeam = new Map<string, typeof services>();
    for (const s of services) byTeam.set(s.teamId, [...(byTeam.get(s.teamId) ?? []), s]);
    await raiseEvents(
      tx,
      [...byTeam].map(([teamId, mine]) => ({
        kind: "campaign.launched" as const,
        key: `campaign.launched:${campaign.id}:${teamId}`,
        teamId,
        subject: { type: "campaign" as const, id: campaign.id },
        path: `/campaigns/${campaign.id}`,
        title: `Campaign "${input.name}": review ${mine.length} of your services by ${input.deadline.toISOString().slice(0, 10)}`,
        summary: `Checklist ${version.version} or later: ${mine
          .slice(0, 10)
          .map((s) => s.name)
          .join(", ")}${mine.length > 10 ? ", …" : ""}.`,
        actorId: principal.userId,
        occurredAt: now,
      })),
    );
    return { id: campaign.id, targets: services.length };
  });
}
