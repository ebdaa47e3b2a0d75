// Derives a service's findings from its assessment history, the way approval
// will (Issue 4): an item not met or partially met opens a finding, or
// re-confirms the open one for the same item; an item met again resolves it.
import { randomUUID } from "node:crypto";
import type { ChecklistItem } from "../checklist";
import type { GeneratedAssessment } from "./history";
import type { Random } from "./random";

const DAY = 86_400_000;

import { DEFAULT_SLA_DAYS } from "../findings/sla";
import { severities } from "../vocabulary/levels";
import { type Severity, type FindingStatus as Status } from "../generated/prisma/enums";

type EventKind = "OPENED" | "RECONFIRMED" | "RESOLVED" | "STATUS_CHANGED" | "RISK_ACCEPTED" | "DUE_DATE_CHANGED";

export interface FindingRow {
  id: string;
  serviceId: string;
  itemId: string;
  title: string;
  severity: Severity;
  status: Status;
  originAssessmentId: string;
  resolvedByAssessmentId: string | null;
  ownerId: string | null;
  createdById: string | null;
  dueDate: Date;
  openedAt: Date;
  resolvedAt: Date | null;
  riskAcceptanceReason: string | null;
  riskAcceptedById: string | null;
  riskAcceptedAt: Date | null;
  riskAcceptanceExpiresAt: Date | null;
  createdAt: Date;
}

export interface FindingEventRow {
  findingId: string;
  kind: EventKind;
  actorId: string | null;
  assessmentId: string | null;
  detail: Record<string, string>;
  occurredAt: Date;
}

export function toFindingRows(input: {
  serviceId: string;
  items: ChecklistItem[];
  history: GeneratedAssessment[];
  assessmentIds: string[];
  ownerId: string | null;
  people: { reviewer: string | null; lead: string | null };
  now: Date;
  rng: Random;
}): { findings: FindingRow[]; events: FindingEventRow[] } {
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const open = new Map<string, FindingRow>();
  const findings: FindingRow[] = [];
  const events: FindingEventRow[] = [];
  const lead = input.people.lead;

  input.history.forEach((assessment, index) => {
    const assessmentId = input.assessmentIds[index]!;
    const at = assessment.approvedAt;
    for (const response of assessment.responses) {
      const existing = open.get(response.itemId);
      const failing = response.status === "not_met" || response.status === "partially_met";
      if (failing && existing) {
        events.push({ findingId: existing.id, kind: "RECONFIRMED", actorId: lead, assessmentId, detail: {}, occurredAt: at });
        // Leads usually re-plan an overdue finding when an assessment re-confirms it.
        if (existing.dueDate < at && input.rng.chance(0.7)) {
          const sla = DEFAULT_SLA_DAYS[severities.fromDb(existing.severity)];
          const dueDate = new Date(at.getTime() + Math.max(2 * sla, 45) * DAY);
          const detail = { from: existing.dueDate.toISOString(), to: dueDate.toISOString() };
          events.push({ findingId: existing.id, kind: "DUE_DATE_CHANGED", actorId: lead, assessmentId, detail, occurredAt: at });
          existing.dueDate = dueDate;
        }
      } else if (failing) {
        const item = byId.get(response.itemId)!;
        const finding: FindingRow = {
          id: randomUUID(),
          serviceId: input.serviceId,
          itemId: item.id,
          title: item.title,
          severity: severities.toDb(item.severity),
          status: "OPEN",
          originAssessmentId: assessmentId,
          resolvedByAssessmentId: null,
          ownerId: input.rng.chance(0.85) ? input.ownerId : null,
          createdById: lead,
          dueDate: new Date(at.getTime() + DEFAULT_SLA_DAYS[item.severity] * DAY),
          openedAt: at,
          resolvedAt: null,
          riskAcceptanceReason: null,
          riskAcceptedById: null,
          riskAcceptedAt: null,
          riskAcceptanceExpiresAt: null,
          createdAt: at,
        };
        open.set(item.id, finding);
        findings.push(finding);
        events.push({ findingId: finding.id, kind: "OPENED", actorId: lead, assessmentId, detail: {}, occurredAt: at });
      } else if (existing) {
        existing.status = "RESOLVED";
        existing.resolvedAt = at;
        existing.resolvedByAssessmentId = assessmentId;
        open.delete(response.itemId);
        events.push({ findingId: existing.id, kind: "RESOLVED", actorId: lead, assessmentId, detail: {}, occurredAt: at });
      }
    }
  });

  // Findings still open today: some are being worked on, a few carry an accepted risk.
  for (const finding of open.values()) {
    const roll = input.rng.next();
    if (roll < 0.3) {
      finding.status = "IN_PROGRESS";
      const at = new Date(finding.openedAt.getTime() + 2 * DAY);
      events.push({
        findingId: finding.id,
        kind: "STATUS_CHANGED",
        actorId: finding.ownerId,
        assessmentId: null,
        detail: { from: "open", to: "in_progress" },
        occurredAt: at,
      });
    } else if (roll < 0.38 && finding.severity !== "CRITICAL") {
      const at = new Date(Math.min(finding.openedAt.getTime() + 5 * DAY, input.now.getTime()));
      finding.status = "RISK_ACCEPTED";
      finding.riskAcceptanceReason = "Compensating control in place (network isolation); fix scheduled with the platform migration.";
      finding.riskAcceptedById = lead;
      finding.riskAcceptedAt = at;
      finding.riskAcceptanceExpiresAt = new Date(input.now.getTime() + input.rng.int(30, 150) * DAY);
      events.push({
        findingId: finding.id,
        kind: "RISK_ACCEPTED",
        actorId: lead,
        assessmentId: null,
        detail: { reason: finding.riskAcceptanceReason },
        occurredAt: at,
      });
    }
  }
  return { findings, events };
}
