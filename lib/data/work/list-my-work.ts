import "server-only";
import { can, type Principal, type TeamAction } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { dueState, type DueState } from "../../findings/due";
import { findingStatuses, type FindingStatus } from "../../vocabulary/findings";
import { severities, type Severity } from "../../vocabulary/levels";
import { servicesVisibleTo } from "../scope";
import { lapseExpiredAcceptances } from "../findings/lapse-acceptances";
import { WORKING_DB_STATUSES } from "../findings/working";

export interface WorkAssessment {
  id: string;
  service: { name: string; slug: string; team: string };
  /** When it was started (a draft) or submitted (waiting for approval). */
  since: Date;
  /** Who started or submitted it, by name. */
  by: string | null;
}

export interface WorkFinding {
  id: string;
  itemId: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  dueDate: Date | null;
  due: DueState;
  service: { name: string; slug: string };
}

export interface MyWork {
  /** Drafts in the teams where the person answers (reviewers). */
  drafts: WorkAssessment[];
  /** Submitted assessments in the teams where the person approves (leads). */
  toApprove: WorkAssessment[];
  /** Unresolved findings the person owns, soonest due first. */
  owned: WorkFinding[];
  /** Findings of the teams the person manages findings for, due within a week or overdue, owned by anyone. */
  dueSoon: WorkFinding[];
}

const LIMIT = 50;

/** What needs the person: each list scoped to the teams where their role does that work, in the query. */
export async function listMyWork(principal: Principal, now: Date = new Date()): Promise<MyWork> {
  // A lapsed acceptance is open again before anything is listed.
  await lapseExpiredAcceptances(now);
  const prisma = getPrisma();
  const teamsWhere = (action: TeamAction) => principal.memberships.filter((m) => can(principal, action, { teamId: m.teamId }, now)).map((m) => m.teamId);
  const visible = servicesVisibleTo(principal, now);
  const service = { select: { name: true, slug: true, team: { select: { name: true } } } } as const;
  const week = new Date(now.getTime() + 7 * 86_400_000);
  const findingSelect = {
    id: true,
    itemId: true,
    title: true,
    severity: true,
    status: true,
    dueDate: true,
    service: { select: { name: true, slug: true } },
  } as const;
  const [drafts, toApprove, owned, dueSoon] = await Promise.all([
    prisma.assessment.findMany({
      where: { status: "DRAFT", service: { AND: [visible, { teamId: { in: teamsWhere("assessment.edit") } }] } },
      orderBy: { startedAt: "asc" },
      take: LIMIT,
      select: { id: true, startedAt: true, startedBy: { select: { name: true } }, service },
    }),
    prisma.assessment.findMany({
      where: { status: "IN_REVIEW", service: { AND: [visible, { teamId: { in: teamsWhere("assessment.approve") } }] } },
      orderBy: { submittedAt: "asc" },
      take: LIMIT,
      select: { id: true, submittedAt: true, startedAt: true, submittedBy: { select: { name: true } }, service },
    }),
    prisma.finding.findMany({
      where: { ownerId: principal.userId, status: { not: "RESOLVED" }, service: visible },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: LIMIT,
      select: findingSelect,
    }),
    prisma.finding.findMany({
      where: {
        status: { in: WORKING_DB_STATUSES },
        dueDate: { lte: week },
        service: { AND: [visible, { teamId: { in: teamsWhere("finding.manage") } }] },
      },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: LIMIT,
      select: findingSelect,
    }),
  ]);
  const assessment = (a: (typeof drafts)[number], since: Date, by: string | null): WorkAssessment => ({
    id: a.id,
    service: { name: a.service.name, slug: a.service.slug, team: a.service.team.name },
    since,
    by,
  });
  const finding = (f: (typeof owned)[number]): WorkFinding => {
    const status = findingStatuses.fromDb(f.status);
    return { ...f, severity: severities.fromDb(f.severity), status, due: dueState({ status, dueDate: f.dueDate }, now) };
  };
  return {
    drafts: drafts.map((a) => assessment(a, a.startedAt, a.startedBy?.name ?? null)),
    toApprove: toApprove.map((a) => assessment({ ...a, startedBy: null }, a.submittedAt ?? a.startedAt, a.submittedBy?.name ?? null)),
    owned: owned.map(finding),
    dueSoon: dueSoon.map(finding),
  };
}
