import "server-only";
import { can, type Principal } from "../../auth/policy";
import { allItems, latestChecklist, parseStoredFactors, type ChecklistItem } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import { dueState, type DueState } from "../../findings/due";
import type { Criticality } from "../../vocabulary/levels";
import { NotFoundError } from "../errors";
import { servicesVisibleTo } from "../scope";
import { lapseExpiredAcceptances } from "./lapse-acceptances";
import { possibleOwners } from "./owners";
import { getProgrammeSettings } from "../programme/settings";
import { findingStatuses } from "../../vocabulary/findings";
import { findingEventKinds } from "../../vocabulary/findings";
import { severities } from "../../vocabulary/levels";
import { type FindingStatus } from "../../vocabulary/findings";

export type { FindingEventKind } from "../../vocabulary/findings";
import type { FindingEventKind } from "../../vocabulary/findings";

export interface FindingDetail {
  id: string;
  itemId: string;
  title: string;
  severity: Criticality;
  status: FindingStatus;
  due: DueState;
  dueDate: Date | null;
  openedAt: Date;
  resolvedAt: Date | null;
  service: { name: string; slug: string; team: string };
  owner: { id: string; name: string } | null;
  risk: { reason: string; approvedBy: string | null; acceptedAt: Date | null; expiresAt: Date } | null;
  item: ChecklistItem | null;
  originAssessmentId: string | null;
  resolvedByAssessmentId: string | null;
  events: { kind: FindingEventKind; actor: string | null; occurredAt: Date; detail: Record<string, string>; assessmentId: string | null }[];
  comments: { author: string; body: string; createdAt: Date }[];
  /** People who may own it: the team's members. */
  owners: { id: string; name: string }[];
  may: { manage: boolean; acceptRisk: boolean; comment: boolean };
  /** A risk acceptance waiting for a second lead (four eyes), if any. */
  pendingRisk: { reason: string; expiresAt: Date; requestedBy: string; requestedAt: Date; byMe: boolean } | null;
  /** Whether accepting this finding's risk needs a second lead. */
  fourEyes: boolean;
}

/** One finding with its item, history and comments, if the principal may read it. */
export async function getFinding(principal: Principal, findingId: string, now: Date = new Date()): Promise<FindingDetail> {
  await lapseExpiredAcceptances(now);
  const prisma = getPrisma();
  const finding = await prisma.finding.findFirst({
    where: { id: findingId, service: servicesVisibleTo(principal, now) },
    include: {
      service: { select: { name: true, slug: true, teamId: true, team: { select: { name: true } } } },
      owner: { select: { id: true, name: true } },
      riskAcceptedBy: { select: { name: true } },
      originAssessment: { select: { checklistVersion: { select: { items: true } } } },
      events: { orderBy: { occurredAt: "asc" }, include: { actor: { select: { name: true } } } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      riskRequests: { where: { status: "PENDING" }, take: 1, include: { requestedBy: { select: { name: true } } } },
    },
  });
  if (!finding) throw new NotFoundError();
  const items = finding.originAssessment
    ? parseStoredFactors(finding.originAssessment.checklistVersion.items).flatMap((f) => f.items)
    : allItems(latestChecklist());
  const [owners, settings] = await Promise.all([possibleOwners(finding.service.teamId), getProgrammeSettings()]);
  const pending = finding.riskRequests[0];
  const status = findingStatuses.fromDb(finding.status);
  const team = { teamId: finding.service.teamId };
  return {
    id: finding.id,
    itemId: finding.itemId,
    title: finding.title,
    severity: severities.fromDb(finding.severity),
    status,
    due: dueState({ status, dueDate: finding.dueDate }, now),
    dueDate: finding.dueDate,
    openedAt: finding.openedAt,
    resolvedAt: finding.resolvedAt,
    service: { name: finding.service.name, slug: finding.service.slug, team: finding.service.team.name },
    owner: finding.owner,
    risk:
      status === "risk_accepted" && finding.riskAcceptanceExpiresAt
        ? {
            reason: finding.riskAcceptanceReason ?? "",
            approvedBy: finding.riskAcceptedBy?.name ?? null,
            acceptedAt: finding.riskAcceptedAt,
            expiresAt: finding.riskAcceptanceExpiresAt,
          }
        : null,
    item: items.find((item) => item.id === finding.itemId) ?? null,
    originAssessmentId: finding.originAssessmentId,
    resolvedByAssessmentId: finding.resolvedByAssessmentId,
    events: finding.events.map((e) => ({
      kind: findingEventKinds.fromDb(e.kind),
      actor: e.actor?.name ?? null,
      occurredAt: e.occurredAt,
      detail: (e.detail ?? {}) as Record<string, string>,
      assessmentId: e.assessmentId,
    })),
    comments: finding.comments.map((c) => ({ author: c.author?.name ?? "a former user", body: c.body, createdAt: c.createdAt })),
    owners,
    may: {
      manage: status !== "resolved" && can(principal, "finding.manage", team, now),
      acceptRisk: status !== "resolved" && can(principal, "finding.acceptRisk", team, now),
      comment: can(principal, "finding.comment", team, now),
    },
    pendingRisk: pending
      ? {
          reason: pending.reason,
          expiresAt: pending.expiresAt,
          requestedBy: pending.requestedBy?.name ?? "a former user",
          requestedAt: pending.requestedAt,
          byMe: pending.requestedById === principal.userId,
        }
      : null,
    fourEyes: settings.fourEyes.includes(severities.fromDb(finding.severity)),
  };
}
