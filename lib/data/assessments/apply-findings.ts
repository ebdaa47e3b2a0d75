import "server-only";
import type { ChecklistItem } from "../../checklist";
import type { Severity } from "../../vocabulary/levels";
import { planFindings, type FindingStep } from "../../findings/plan";
import { slaPolicy } from "../../findings/settings";
import { dueDateFor } from "../../findings/sla";
import type { Prisma } from "../../generated/prisma/client";
import type { ResponseStatus } from "../../vocabulary/answers";
import type { FindingStatus as DbFindingStatus } from "../../generated/prisma/enums";
import { findingStatuses } from "../../vocabulary/findings";
import { severities } from "../../vocabulary/levels";

type Answer = { itemId: string; title: string; status: ResponseStatus; severity: Severity };

/** What approval hands to the findings plan: every item of the checklist, "unanswered" where it has no answer. */
export const approvalAnswers = (items: readonly ChecklistItem[], statuses: ReadonlyMap<string, ResponseStatus>): Answer[] =>
  items.map((item) => ({ itemId: item.id, title: item.title, severity: item.severity, status: statuses.get(item.id) ?? "unanswered" }));

/** The findings plan for these answers against the service's findings as stored; approval and its preview both call it. */
export const planFromRows = (answers: readonly Answer[], existing: readonly { id: string; itemId: string; status: DbFindingStatus }[]): FindingStep[] =>
  planFindings(
    answers,
    existing.map((f) => ({ ...f, status: findingStatuses.fromDb(f.status) })),
  );

/**
 * Brings a service's findings in line with an assessment being approved, in
 * the approval's transaction: opens, re-confirms, reopens or resolves, one
 * finding per service and item, each step in the finding's history.
 */
export async function applyFindings(
  tx: Prisma.TransactionClient,
  input: {
    serviceId: string;
    /** The approval that decides, or null when drifted evidence does (then `cause` says which). */
    assessmentId: string | null;
    actorId: string | null;
    now: Date;
    answers: Answer[];
    cause?: Record<string, string>;
  },
): Promise<{ opened: number; reconfirmed: number; reopened: number; resolved: number }> {
  // The service's findings are locked in id order, as every other change to findings locks them
  // (lockFindings): a lead's bulk change at the same moment waits, or is waited for, and never deadlocks
  // with the approval; and the plan below reads the statuses that change left, not older ones.
  await tx.$queryRaw`SELECT id FROM findings WHERE service_id = ${input.serviceId}::uuid ORDER BY id FOR UPDATE`;
  const existing = await tx.finding.findMany({ where: { serviceId: input.serviceId }, select: { id: true, itemId: true, status: true } });
  const steps = planFromRows(input.answers, existing);
  const titles = new Map(input.answers.map((a) => [a.itemId, a.title]));
  const counts = { opened: 0, reconfirmed: 0, reopened: 0, resolved: 0 };
  const event = (findingId: string, kind: "OPENED" | "RECONFIRMED" | "REOPENED" | "RESOLVED", detail: Record<string, string> = {}) => ({
    findingId,
    kind,
    actorId: input.actorId,
    assessmentId: input.assessmentId,
    detail: { ...detail, ...input.cause },
    occurredAt: input.now,
  });
  const events = [];
  for (const step of steps) {
    const answer: Record<string, string> = step.kind === "resolve" ? {} : { answer: step.partially ? "partially_met" : "not_met" };
    if (step.kind === "open") {
      const finding = await tx.finding.create({
        data: {
          serviceId: input.serviceId,
          itemId: step.itemId,
          title: titles.get(step.itemId) ?? step.itemId,
          severity: severities.toDb(step.severity),
          originAssessmentId: input.assessmentId,
          createdById: input.actorId,
          openedAt: input.now,
          dueDate: dueDateFor(step.severity, input.now, slaPolicy()),
        },
      });
      events.push(event(finding.id, "OPENED", answer));
      counts.opened++;
    } else if (step.kind === "reopen") {
      await tx.finding.update({
        where: { id: step.findingId },
        data: { status: "OPEN", resolvedAt: null, resolvedByAssessmentId: null, dueDate: dueDateFor(step.severity, input.now, slaPolicy()) },
      });
      events.push(event(step.findingId, "REOPENED", answer));
      counts.reopened++;
    } else if (step.kind === "reconfirm") {
      events.push(event(step.findingId, "RECONFIRMED", answer));
      counts.reconfirmed++;
    } else {
      await tx.finding.update({
        where: { id: step.findingId },
        data: { status: "RESOLVED", resolvedAt: input.now, resolvedByAssessmentId: input.assessmentId },
      });
      events.push(event(step.findingId, "RESOLVED"));
      counts.resolved++;
    }
  }
  if (events.length) await tx.findingEvent.createMany({ data: events });
  return counts;
}
