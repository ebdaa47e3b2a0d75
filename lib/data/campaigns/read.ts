import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { NotFoundError } from "../errors";
import { teamIdsVisibleTo } from "../scope";

/** The targets a principal may see: every one for org readers, their teams' otherwise. */
const visibleTargets = (principal: Principal): Prisma.CampaignTargetWhereInput => ({ teamId: teamIdsVisibleTo(principal) });

export interface CampaignSummary {
  id: string;
  name: string;
  deadline: Date;
  open: boolean;
  closedReason: string | null;
  targets: number;
  approved: number;
  started: number;
}

/** Campaigns with at least one target the principal may see, counted over those targets only. */
export async function listCampaigns(principal: Principal): Promise<CampaignSummary[]> {
  const where = visibleTargets(principal);
  const campaigns = await getPrisma().campaign.findMany({
    where: { targets: { some: where } },
    orderBy: [{ status: "asc" }, { deadline: "asc" }],
    take: 200,
    include: { targets: { where, select: { approvedAt: true, assessmentId: true } } },
  });
  return campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    deadline: c.deadline,
    open: c.status === "OPEN",
    closedReason: c.closedReason,
    targets: c.targets.length,
    approved: c.targets.filter((t) => t.approvedAt).length,
    started: c.targets.filter((t) => t.assessmentId).length,
  }));
}

export interface CampaignTargetRow {
  serviceId: string;
  service: string;
  slug: string;
  tier: string;
  team: string;
  assessmentId: string | null;
  assessmentStatus: string | null;
  approvedAt: Date | null;
}

export async function getCampaign(principal: Principal, id: string) {
  const where = visibleTargets(principal);
  const campaign = await getPrisma().campaign.findFirst({
    where: { id, targets: { some: where } },
    include: {
      checklistVersion: { select: { version: true } },
      launchedBy: { select: { name: true, email: true } },
      targets: {
        where,
        include: {
          service: { select: { name: true, slug: true, criticality: true, team: { select: { name: true } } } },
          assessment: { select: { status: true } },
        },
      },
    },
  });
  if (!campaign) throw new NotFoundError();
  const targets: CampaignTargetRow[] = campaign.targets
    .map((t) => ({
      serviceId: t.serviceId,
      service: t.service.name,
      slug: t.service.slug,
      tier: t.service.criticality.toLowerCase(),
      team: t.service.team.name,
      assessmentId: t.assessmentId,
      assessmentStatus: t.assessment?.status.toLowerCase() ?? null,
      approvedAt: t.approvedAt,
    }))
    .sort((a, b) => a.team.localeCompare(b.team) || a.service.localeCompare(b.service));
  const teams = [...new Set(targets.map((t) => t.team))].map((team) => {
    const mine = targets.filter((t) => t.team === team);
    return { team, targets: mine.length, approved: mine.filter((t) => t.approvedAt).length, started: mine.filter((t) => t.assessmentId).length };
  });
  return {
    id: campaign.id,
    name: campaign.name,
    deadline: campaign.deadline,
    open: campaign.status === "OPEN",
    closedReason: campaign.closedReason,
    closedAt: campaign.closedAt,
    launchedAt: campaign.launchedAt,
    launchedBy: campaign.launchedBy?.name ?? "(removed user)",
    checklistVersion: campaign.checklistVersion.version,
    targets,
    teams,
  };
}
