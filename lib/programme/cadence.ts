// Review cadence by tier: how many days after its last approval a service is
// due for review again, and how its due date reads (due soon, overdue). Pure.
import type { Criticality } from "../vocabulary/levels";

export type ReviewIntervals = Record<Criticality, number>;

/** The defaults until an admin changes them: critical every 90 days, high 180, medium and low 365. */
export const DEFAULT_INTERVALS: ReviewIntervals = { critical: 90, high: 180, medium: 365, low: 365 };

/** "Due soon" starts this many days before the due date. */
export const DUE_SOON_DAYS = 14;

const DAY = 86_400_000;

/** A service is due its tier's interval after its last approval; one never assessed is due now (null). */
export function reviewDueFor(lastAssessedAt: Date | null, tier: Criticality, intervals: ReviewIntervals): Date | null {
  return lastAssessedAt ? new Date(lastAssessedAt.getTime() + intervals[tier] * DAY) : null;
}

export type ReviewState = "never" | "overdue" | "due_soon" | "current";

export function reviewState(due: Date | null, now: Date): ReviewState {
  if (due === null) return "never";
  if (due.getTime() <= now.getTime()) return "overdue";
  if (due.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY) return "due_soon";
  return "current";
}
