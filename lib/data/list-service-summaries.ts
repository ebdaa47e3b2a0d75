import "server-only";
import { getPrisma } from "../db/prisma";
import type { Principal } from "../auth/policy";
import type { Prisma } from "../generated/prisma/client";
import { servicesVisibleTo } from "./scope";

export type Criticality = "critical" | "high" | "medium" | "low";
export type SeverityCounts = Record<Criticality, number>;

export interface ServiceSummary {
  id: string;
  slug: string;
  name: string;
  team: { name: string; slug: string };
  criticality: Criticality;
  owner: string | null;
  latestScore: number | null;
  lastAssessedAt: Date | null;
  /** Latest completed assessment's score per factor (index 0 = factor 1). */
  factorScores: (number | null)[];
  openFindings: SeverityCounts;
  draftInProgress: boolean;
}

const emptyCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0 });

export interface ServiceFilter {
  /** Part of the name, any case. */
  query?: string;
  teamSlug?: string;
  criticality?: Criticality;
}

export async function listServiceSummaries(principal: Principal, filter: ServiceFilter = {}): Promise<ServiceSummary[]> {
  const prisma = getPrisma();
  const where: Prisma.ServiceWhereInput = {
    AND: [
      servicesVisibleTo(principal),
      filter.query ? { name: { contains: filter.query, mode: "insensitive" } } : {},
      filter.teamSlug ? { team: { slug: filter.teamSlug } } : {},
      filter.criticality ? { criticality: filter.criticality.toUpperCase() as Uppercase<Criticality> } : {},
    ],
  };
  const [services, latest, open, drafts] = await Promise.all([
    prisma.service.findMany({
      where,
      orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
      select: {
        id: true,
        slug: true,
        name: true,
        criticality: true,
        latestScore: true,
        lastAssessedAt: true,
        team: { select: { name: true, slug: true } },
        owner: { select: { name: true } },
      },
    }),
    prisma.assessment.findMany({
      where: { status: "COMPLETED", service: where },
      distinct: ["serviceId"],
      orderBy: [{ serviceId: "asc" }, { approvedAt: "desc" }],
      select: { serviceId: true, factorScores: true },
    }),
    prisma.finding.groupBy({
      by: ["serviceId", "severity"],
      where: { status: { in: ["OPEN", "IN_PROGRESS"] }, service: where },
      _count: { _all: true },
    }),
    prisma.assessment.findMany({
      where: { status: { in: ["DRAFT", "IN_REVIEW"] }, service: where },
      select: { serviceId: true },
    }),
  ]);

  const factorsByService = new Map(
    latest.map((a) => {
      const scores = Array.from({ length: 12 }, () => null as number | null);
      for (const entry of (a.factorScores ?? []) as { factor: number; score: number | null }[]) {
        scores[entry.factor - 1] = entry.score;
      }
      return [a.serviceId, scores];
    }),
  );
  const openByService = new Map<string, SeverityCounts>();
  for (const row of open) {
    const counts = openByService.get(row.serviceId) ?? emptyCounts();
    counts[row.severity.toLowerCase() as Criticality] = row._count._all;
    openByService.set(row.serviceId, counts);
  }
  const withDraft = new Set(drafts.map((d) => d.serviceId));

  return services.map((service) => ({
    id: service.id,
    slug: service.slug,
    name: service.name,
    team: service.team,
    criticality: service.criticality.toLowerCase() as Criticality,
    owner: service.owner?.name ?? null,
    latestScore: service.latestScore,
    lastAssessedAt: service.lastAssessedAt,
    factorScores: factorsByService.get(service.id) ?? Array.from({ length: 12 }, () => null),
    openFindings: openByService.get(service.id) ?? emptyCounts(),
    draftInProgress: withDraft.has(service.id),
  }));
}
