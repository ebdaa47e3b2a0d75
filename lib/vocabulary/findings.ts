// Where a finding stands, and the events of its history.
import type { FindingEventKind as DbEventKind, FindingStatus as DbFindingStatus } from "../generated/prisma/enums";
import { defineVocabulary, type ValueOfVocabulary } from "./define";

export const findingStatuses = defineVocabulary({
  OPEN: { value: "open", label: "Open" },
  IN_PROGRESS: { value: "in_progress", label: "In progress" },
  RISK_ACCEPTED: { value: "risk_accepted", label: "Risk accepted" },
  RESOLVED: { value: "resolved", label: "Resolved" },
} as const satisfies Record<DbFindingStatus, { value: string; label: string }>);

export type FindingStatus = ValueOfVocabulary<typeof findingStatuses>;

/** The statuses of findings still being worked on: they count as open, and run late. */
export const WORKING_STATUSES = ["open", "in_progress"] as const satisfies readonly FindingStatus[];
export const isWorking = (status: FindingStatus): boolean => (WORKING_STATUSES as readonly FindingStatus[]).includes(status);

export const findingEventKinds = defineVocabulary({
  OPENED: { value: "opened", label: "Opened" },
  RECONFIRMED: { value: "reconfirmed", label: "Reconfirmed" },
  SEVERITY_CHANGED: { value: "severity_changed", label: "Severity changed" },
  OWNER_CHANGED: { value: "owner_changed", label: "Owner changed" },
  DUE_DATE_CHANGED: { value: "due_date_changed", label: "Due date changed" },
  STATUS_CHANGED: { value: "status_changed", label: "Status changed" },
  RISK_ACCEPTED: { value: "risk_accepted", label: "Risk accepted" },
  RISK_LAPSED: { value: "risk_lapsed", label: "Risk acceptance lapsed" },
  RISK_REQUESTED: { value: "risk_requested", label: "Risk acceptance requested" },
  RISK_REJECTED: { value: "risk_rejected", label: "Risk acceptance request rejected" },
  RESOLVED: { value: "resolved", label: "Resolved" },
  REOPENED: { value: "reopened", label: "Reopened" },
} as const satisfies Record<DbEventKind, { value: string; label: string }>);

export type FindingEventKind = ValueOfVocabulary<typeof findingEventKinds>;
