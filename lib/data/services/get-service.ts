import "server-only";
import type { AssessmentState } from "../../vocabulary/assessments";
import { visibleServiceId } from "./by-slug";
import { can, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Criticality } from "../../vocabulary/levels";
import { NotFoundError } from "../errors";
import { lapseExpiredAcceptances } from "../findings/lapse-acceptances";
import { possibleOwners } from "../findings/owners";
import { servicesVisibleTo } from "../scope";
import { assessmentStates } from "../../vocabulary/assessments";
import { tiers } from "../../vocabulary/levels";
import { severities } from "../../vocabulary/levels";
import { findingStatuses } from "../../vocabulary/findings";
import { type FindingStatus } from "../../vocabulary/findings";
import { type Severity } from "../../vocabulary/levels";

export interface ServiceDetail {
  id: string;
  slug: string;
  name: string;
  description: string;
  criticality: Criticality;
  repositoryUrl: string | null;
  /** For a service the catalogue sync manages: its entity, and since when it has been missing from the catalogue. */
  catalog: { ref: string; missingSince: Date | null } | null;
  team: { id: string; name: string; slug: string };
  owner: string | null;
  latestScore: number | null;
  /** On platforms: its posture now, with their current answers applied (null: the approved score is its posture). */
  currentScore: number | null;
  lastAssessedAt: Date | null;
  /** Latest completed assessment's score per factor (index 0 = factor 1). */
  factorScores: (number | null)[];
  assessments: {
    id: string;
    status: AssessmentState;
    checklistVersion: string;
    startedAt: Date;
    startedBy: string | null;
    submittedAt: Date | null;
    approvedAt: Date | null;
    approvedBy: string | null;
    overallScore: number | null;
  }[];
  openFindings: { id: string; itemId: string; title: string; severity: Severity; status: FindingStatus; dueDate: Date | null; owner: string | null }[];
  /** Who may own its findings, for those who manage them; empty otherwise. */
  owners: { id: string; name: string }[];
  /** The draft or submitted assessment, if one is under way. */
  current: { id: string; status: AssessmentState } | null;
  may: { edit: boolean; assess: boolean; approve: boolean; manageFindings: boolean };
}

/**
 * One service by its slug (and its team's, where the principal reads several
 * teams that have one), if the principal may read it.
 */
export async function getService(principal: Principal, slug: string, teamSlug?: string): Promise<ServiceDetail> {
  await lapseExpiredAcceptances();
  const prisma = getPrisma();
  const id = await visibleServiceId(principal, { slug, teamSlug });
  const service = await prisma.service.findFirst({
    where: { AND: [{ id }, servicesVisibleTo(principal)] },
    include: {
      team: { select: { id: true, name: true, slug: true } },
      owner: { select: { name: true } },
      assessments: {
        orderBy: { startedAt: "desc" },
        take: 100,
        include: {
          checklistVersion: { select: { version: true } },
          startedBy: { select: { name: true } },
          approvedBy: { select: { name: true } },
        },
      },
      findings: {
        where: { status: { not: "RESOLVED" } },
        orderBy: [{ severity: "asc" }, { dueDate: "asc" }],
        select: { id: true, itemId: true, title: true, severity: true, status: true, dueDate: true, owner: { select: { name: true } } },
      },
    },
  });
  if (!service) throw new NotFoundError();
  const assessments = service.assessments.map((a) => ({
    id: a.id,
    status: assessmentStates.fromDb(a.status),
    checklistVersion: a.checklistVersion.version,
    startedAt: a.startedAt,
    startedBy: a.startedBy?.name ?? null,
    submittedAt: a.submittedAt,
    approvedAt: a.approvedAt,
    approvedBy: a.approvedBy?.name ?? null,
    overallScore: a.overallScore,
  }));
  const latest = service.assessments.find((a) => a.status === "COMPLETED");
  const factorScores = Array.from({ length: 12 }, () => null as number | null);
  for (const entry of (latest?.factorScores ?? []) as { factor: number; score: number | null }[]) factorScores[entry.factor - 1] = entry.score;
  const current = assessments.find((a) => a.status !== "completed");
  const team = { teamId: service.teamId };
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    description: service.description,
    criticality: tiers.fromDb(service.criticality),
    repositoryUrl: service.repositoryUrl,
    catalog: service.catalogRef ? { ref: service.catalogRef, missingSince: service.catalogMissingSince } : null,
    team: service.team,
    owner: service.owner?.name ?? null,
    latestScore: service.latestScore,
    currentScore: service.currentScore,
    lastAssessedAt: service.lastAssessedAt,
    factorScores,
    assessments,
    openFindings: service.findings.map((f) => ({
      ...f,
      severity: severities.fromDb(f.severity),
      status: findingStatuses.fromDb(f.status),
      owner: f.owner?.name ?? null,
    })),
    owners: can(principal, "finding.manage", team) ? await possibleOwners(service.teamId) : [],
    current: current ? { id: current.id, status: current.status } : null,
    may: {
      edit: can(principal, "service.update", team),
      assess: can(principal, "assessment.edit", team),
      approve: can(principal, "assessment.approve", team),
      manageFindings: can(principal, "finding.manage", team),
    },
  };
}
