import "server-only";
import { severities, type Criticality, type Severity } from "../../vocabulary/levels";
import { getPrisma } from "../../db/prisma";
import type { Principal } from "../../auth/policy";
import type { Prisma } from "../../generated/prisma/client";
import { servicesVisibleTo } from "../scope";
import { workingStatusSql } from "../findings/working";
import { tiers } from "../../vocabulary/levels";

export type SeverityCounts = Record<Severity, number>;

/** What the dashboard needs of each service: who it is and its latest scores. */
export interface ServiceScores {
  id: string;
  slug: string;
  name: string;
  team: { name: string; slug: string };
  criticality: Criticality;
  owner: string | null;
  latestScore: number | null;
  /** On platforms: its posture now, with their current answers applied (null: the approved score is its posture). */
  currentScore: number | null;
  lastAssessedAt: Date | null;
  /** Latest completed assessment's score per factor (index 0 = factor 1). */
  factorScores: (number | null)[];
  /** A catalogue service whose entity the last sync did not find: since when. */
  catalogMissingSince: Date | null;
}

/** A service as the services page and the API list it: its scores, open findings and any assessment under way. */
export interface ServiceSummary extends ServiceScores {
  openFindings: SeverityCounts;
  draftInProgress: boolean;
}

/** Stored [{ factor, score }] as twelve slots, factor 1 first. */
export function byFactor(stored: unknown): (number | null)[] {
  const scores = Array.from({ length: 12 }, () => null as number | null);
  for (const entry of (stored ?? []) as { factor: number; score: number | null }[]) scores[entry.factor - 1] = entry.score;
  return scores;
}

const emptyCounts = (): SeverityCounts => severities.count();

export interface ServiceFilter {
  /** Part of the name, any case. */
  query?: string;
  teamSlug?: string;
  criticality?: Criticality;
}

/** The services the principal may read, with their latest scores and nothing counted. */
export async function listServiceScores(principal: Principal, filter: ServiceFilter = {}): Promise<ServiceScores[]> {
  const prisma = getPrisma();
  const where: Prisma.ServiceWhereInput = {
    AND: [
      servicesVisibleTo(principal),
      filter.query ? { name: { contains: filter.query, mode: "insensitive" } } : {},
      filter.teamSlug ? { team: { slug: filter.teamSlug } } : {},
      filter.criticality ? { criticality: tiers.toDb(filter.criticality) } : {},
    ],
  };
  const services = await prisma.service.findMany({
    where,
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      criticality: true,
      latestScore: true,
      currentScore: true,
      latestFactorScores: true,
      lastAssessedAt: true,
      catalogMissingSince: true,
      team: { select: { name: true, slug: true } },
      owner: { select: { name: true } },
    },
  });
  return services.map((service) => ({
    id: service.id,
    slug: service.slug,
    name: service.name,
    team: service.team,
    criticality: tiers.fromDb(service.criticality),
    owner: service.owner?.name ?? null,
    latestScore: service.latestScore,
    currentScore: service.currentScore,
    lastAssessedAt: service.lastAssessedAt,
    factorScores: byFactor(service.latestFactorScores),
    catalogMissingSince: service.catalogMissingSince,
  }));
}

/** The services with their open findings by severity and whether an assessment is under way. */
export async function listServiceSummaries(principal: Principal, filter: ServiceFilter = {}): Promise<ServiceSummary[]> {
  const prisma = getPrisma();
  const services = await listServiceScores(principal, filter);
  // Counts for exactly the services listed, so they share the list's scope and filter.
  const ids = services.map((service) => service.id);
  const [open, drafts] = await Promise.all([
    prisma.$queryRaw<{ service_id: string; severity: Criticality; n: bigint }[]>`
      SELECT f.service_id, f.severity::text AS severity, count(*) AS n
      FROM findings f WHERE ${workingStatusSql()} AND f.service_id = ANY(${ids}::uuid[])
      GROUP BY f.service_id, f.severity`,
    prisma.assessment.findMany({ where: { status: { in: ["DRAFT", "IN_REVIEW"] }, serviceId: { in: ids } }, select: { serviceId: true } }),
  ]);

  const openByService = new Map<string, SeverityCounts>();
  for (const row of open) {
    const counts = openByService.get(row.service_id) ?? emptyCounts();
    counts[row.severity] = Number(row.n);
    openByService.set(row.service_id, counts);
  }
  const withDraft = new Set(drafts.map((d) => d.serviceId));
  return services.map((service) => ({ ...service, openFindings: openByService.get(service.id) ?? emptyCounts(), draftInProgress: withDraft.has(service.id) }));
}
