// How a finding stands against its due date, for badges and the overdue filter.
import { isWorking, type FindingStatus } from "../vocabulary/findings";

export const DUE_STATES = ["none", "due", "due_soon", "overdue"] as const;
export type DueState = (typeof DUE_STATES)[number];

/** "Due soon" starts this many days before the date. */
export const DUE_SOON_DAYS = 7;
const DAY = 86_400_000;

/** Only open and in-progress findings run late: resolved ones are done, accepted ones wait for their expiry. */
export function dueState(finding: { status: FindingStatus; dueDate: Date | null }, now: Date): DueState {
  if (!finding.dueDate || !isWorking(finding.status)) return "none";
  const left = finding.dueDate.getTime() - now.getTime();
  if (left < 0) return "overdue";
  return left <= DUE_SOON_DAYS * DAY ? "due_soon" : "due";
}
