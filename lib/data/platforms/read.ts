import "server-only";
import { can, readScope, type Principal } from "../../auth/policy";
import { allItems, latestChecklist } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import type { InheritanceMode } from "../../platforms/inherit";
import { answerStatuses, type ResponseStatus } from "../../vocabulary/answers";
import { NotFoundError } from "../errors";
import { servicesVisibleTo } from "../scope";
import { LATEST_APPROVED_ANSWERS } from "./inherited-answers";

export interface PlatformChoice {
  id: string;
  name: string;
  team: string;
  kind: string;
}

export interface PlatformUseView {
  platformId: string;
  name: string;
  team: string;
  kind: string;
  approvedAt: Date | null;
  /** Each item it covers: its latest approved answer there, and how this service takes it. */
  items: { id: string; title: string; status: ResponseStatus; mode: InheritanceMode }[];
}

export interface ServicePlatforms {
  /** Set when the service is a platform: what it is, what it covers, how many run on it. */
  platform: { kind: string; items: string[]; users: number } | null;
  uses: PlatformUseView[];
  /** Platforms it could run on (not itself, not already chosen), for those who may change the service. */
  choices: PlatformChoice[];
  may: { change: boolean };
}

const titles = () => new Map(allItems(latestChecklist()).map((i) => [i.id, i.title]));

/**
 * A service's platforms: those it runs on, with each covered item's answer as
 * the platform last approved it, and, for a platform, what it covers. Platforms
 * are published to everyone who reads any team: their names, teams, what they
 * cover and their approved answers to it, since services of other teams rest on them.
 */
export async function getServicePlatforms(principal: Principal, serviceId: string, now: Date = new Date()): Promise<ServicePlatforms> {
  const prisma = getPrisma();
  const service = await prisma.service.findFirst({
    where: { AND: [{ id: serviceId }, servicesVisibleTo(principal, now)] },
    select: {
      id: true,
      teamId: true,
      platformKind: true,
      platformItems: true,
      _count: { select: { platformUsers: true } },
      platformsUsed: {
        orderBy: { createdAt: "asc" },
        select: {
          modes: true,
          platform: {
            select: {
              id: true,
              name: true,
              platformKind: true,
              platformItems: true,
              team: { select: { name: true } },
              assessments: LATEST_APPROVED_ANSWERS,
            },
          },
        },
      },
    },
  });
  if (!service) throw new NotFoundError();
  const title = titles();
  const uses = service.platformsUsed.map(({ modes, platform }) => {
    const latest = platform.assessments[0];
    const status = new Map(latest?.responses.map((r) => [r.itemId, answerStatuses.fromDb(r.status)]) ?? []);
    const chosen = modes as Record<string, InheritanceMode>;
    return {
      platformId: platform.id,
      name: platform.name,
      team: platform.team.name,
      kind: platform.platformKind ?? "no longer a platform",
      approvedAt: latest?.approvedAt ?? null,
      items: platform.platformItems.map((id) => ({ id, title: title.get(id) ?? id, status: status.get(id) ?? "unanswered", mode: chosen[id] ?? "inherited" })),
    };
  });
  const change = can(principal, "service.update", { teamId: service.teamId }, now);
  const chosen = new Set([service.id, ...uses.map((u) => u.platformId)]);
  return {
    platform: service.platformKind ? { kind: service.platformKind, items: service.platformItems, users: service._count.platformUsers } : null,
    uses,
    choices: change ? (await listPlatforms(principal)).filter((p) => !chosen.has(p.id)) : [],
    may: { change },
  };
}

/** Every platform, for choosing one to run on: published to everyone who reads some team. */
export async function listPlatforms(principal: Principal, now: Date = new Date()): Promise<PlatformChoice[]> {
  const scope = readScope(principal, now);
  if (scope.kind === "teams" && scope.teamIds.length === 0) return [];
  const rows = await getPrisma().service.findMany({
    where: { platformKind: { not: null }, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, platformKind: true, team: { select: { name: true } } },
    take: 500,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, team: r.team.name, kind: r.platformKind ?? "" }));
}
