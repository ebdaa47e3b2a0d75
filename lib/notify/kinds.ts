// Every kind of notification, declared once: what the settings and emails call
// it, and which of the team's roles hear of it (besides the people an event
// names, such as a finding's owner). Stored by name, so a name once shipped is
// never changed. Pure: read by the web (preferences, webhooks) and the worker.
import { DUE_SOON_DAYS as FINDING_DUE_SOON_DAYS } from "../findings/due";
import { DUE_SOON_DAYS as REVIEW_DUE_SOON_DAYS } from "../programme/cadence";
import type { TeamRole } from "../vocabulary/roles";

type Kind = { readonly label: string; readonly roles: readonly TeamRole[]; readonly group: string };

export const NOTIFICATION_KINDS = {
  "assessment.due_soon": { label: "A service's review is due within 14 days", roles: ["lead", "reviewer"], group: "Reviews" },
  "assessment.overdue": { label: "A service's review is overdue", roles: ["lead", "reviewer"], group: "Reviews" },
  "assessment.submitted": { label: "An assessment was submitted for sign-off", roles: ["lead"], group: "Reviews" },
  "assessment.returned": { label: "An assessment you worked on was returned", roles: [], group: "Reviews" },
  "assessment.approved": { label: "An assessment you worked on was approved", roles: [], group: "Reviews" },
  "answers.assigned": { label: "Items were assigned to you to answer", roles: [], group: "Reviews" },
  "answer.sent_back": { label: "Security sent back an answer you gave", roles: [], group: "Reviews" },
  "suggestion.waiting": { label: "New machine suggestions wait in a draft", roles: ["reviewer"], group: "Reviews" },
  "platform.regressed": { label: "A platform a service runs on regressed, and the service's posture with it", roles: ["owner", "lead"], group: "Reviews" },
  "evidence.expired": { label: "Evidence of a standing answer ran out and needs renewing", roles: ["owner", "lead"], group: "Reviews" },
  "evidence.drifted": { label: "New evidence contradicts an approved answer (drift)", roles: ["lead", "reviewer"], group: "Reviews" },
  "finding.assigned": { label: "A finding was assigned to you", roles: [], group: "Findings" },
  "finding.due_soon": { label: "A finding is due within 7 days", roles: ["lead"], group: "Findings" },
  "finding.overdue": { label: "A finding is overdue", roles: ["lead"], group: "Findings" },
  "risk.requested": { label: "A risk acceptance waits for a second lead", roles: ["lead"], group: "Risk" },
  "risk.decided": { label: "Your risk acceptance request was decided", roles: [], group: "Risk" },
  "risk.expiring": { label: "A risk acceptance ends within 14 days", roles: ["lead"], group: "Risk" },
  "risk.lapsed": { label: "A risk acceptance lapsed", roles: ["lead"], group: "Risk" },
  "campaign.launched": { label: "A campaign includes your team's services", roles: ["lead", "reviewer"], group: "Campaigns" },
  "campaign.nearing": { label: "A campaign's deadline is within 7 days", roles: ["lead", "reviewer"], group: "Campaigns" },
  "campaign.closed": { label: "A campaign closed", roles: ["lead"], group: "Campaigns" },
  "webhook.disabled": { label: "A team webhook was disabled after repeated failures", roles: ["lead"], group: "Integrations" },
} as const satisfies Record<string, Kind>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}

export function kindLabel(kind: string): string {
  return isNotificationKind(kind) ? NOTIFICATION_KINDS[kind].label : kind;
}

/** Days before a due date that "due soon" is raised, by subject: reviews and findings as the app already shows them due soon. */
export const DUE_SOON_DAYS = { assessment: REVIEW_DUE_SOON_DAYS, finding: FINDING_DUE_SOON_DAYS, risk: 14, campaign: 7 } as const;

/** Kinds the daily scan raises come in the daily digest unless a person chooses otherwise; the rest come at once. */
const DIGEST_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set([
  "assessment.due_soon",
  "assessment.overdue",
  "finding.due_soon",
  "finding.overdue",
  "risk.expiring",
  "campaign.nearing",
  "evidence.expired",
]);

export type EmailModeName = "immediate" | "digest" | "off";

export function defaultEmailMode(kind: NotificationKind): EmailModeName {
  return DIGEST_BY_DEFAULT.has(kind) ? "digest" : "immediate";
}
