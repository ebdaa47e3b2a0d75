// Every kind of event the audit trail records, declared once with its category
// and label. Names are `<subject>.<what happened>`, with the subjects the server
// actions use (`response.save` records `response.saved`). They are stored, MAC'd
// and streamed to the security log, so a name, once shipped, is never changed:
// a new event gets a new name.
import type { AuditCategory } from "../vocabulary/records";

type Entry = { readonly category: AuditCategory; readonly label: string };

export const AUDIT_ACTIONS = {
  // Signing in and access refused
  "auth.sign_in": { category: "security", label: "Signed in" },
  "auth.sign_in_failed": { category: "security", label: "Sign-in refused" },
  "auth.sso_refused": { category: "security", label: "Single sign-on refused" },
  "access.refused": { category: "access", label: "Access refused" },
  "api.request": { category: "access", label: "API request" },
  "api.refused": { category: "security", label: "API request refused" },
  // People and access
  "user.created": { category: "change", label: "User created" },
  "user.updated": { category: "change", label: "User's name or email changed" },
  "user.disabled": { category: "security", label: "User disabled" },
  "user.enabled": { category: "security", label: "User enabled" },
  "user.password_reset": { category: "security", label: "Password reset by an administrator" },
  "user.password_changed": { category: "security", label: "Password changed" },
  "user.password_change_failed": { category: "security", label: "Password change refused" },
  "membership.changed": { category: "security", label: "Team role changed" },
  "user.admin_changed": { category: "security", label: "Admin flag changed by an identity-provider group" },
  "group_mapping.created": { category: "security", label: "Identity-provider group mapped to a role" },
  "group_mapping.removed": { category: "security", label: "Identity-provider group mapping removed" },
  "scim_group.created": { category: "security", label: "Group created by SCIM" },
  "scim_group.updated": { category: "security", label: "Group or its members changed by SCIM" },
  "scim_group.deleted": { category: "security", label: "Group deleted by SCIM" },
  "auditor_grant.created": { category: "security", label: "Org-wide auditor access granted" },
  "auditor_grant.revoked": { category: "security", label: "Org-wide auditor access revoked" },
  "api_token.created": { category: "security", label: "API token created" },
  "api_token.revoked": { category: "security", label: "API token revoked" },
  // Teams and services
  "team.created": { category: "change", label: "Team created" },
  "team.updated": { category: "change", label: "Team updated" },
  "team.drift_policy_changed": { category: "change", label: "Team drift setting changed" },
  "service.created": { category: "change", label: "Service created" },
  "service.updated": { category: "change", label: "Service updated" },
  "service.moved": { category: "change", label: "Service moved to another team" },
  "platform.updated": { category: "change", label: "Platform and the items it covers changed" },
  "platform.used": { category: "change", label: "Service runs on a platform" },
  "platform.unused": { category: "change", label: "Service no longer runs on a platform" },
  "platform.modes_changed": { category: "change", label: "Inherited, shared and own items changed" },
  "catalog.synced": { category: "change", label: "Services synced from the catalogue" },
  "services.imported": { category: "change", label: "Services imported from a CSV file" },
  "catalog_owner.mapped": { category: "change", label: "Catalogue owner mapped to a team" },
  "catalog_owner.unmapped": { category: "change", label: "Catalogue owner mapping removed" },
  "integration_token.created": { category: "security", label: "Integration token created" },
  "integration_token.revoked": { category: "security", label: "Integration token revoked" },
  // Assessments
  "assessment.started": { category: "change", label: "Assessment started" },
  "assessment.submitted": { category: "change", label: "Assessment submitted for sign-off" },
  "assessment.returned": { category: "change", label: "Assessment returned" },
  "assessment.approved": { category: "change", label: "Assessment approved" },
  "response.saved": { category: "change", label: "Answer saved" },
  "response.carried_over_confirmed": { category: "change", label: "Carried-over answers confirmed" },
  "response.suggestion_accepted": { category: "change", label: "Machine suggestion accepted" },
  "response.suggestion_overridden": { category: "change", label: "Machine suggestion overridden" },
  "response.validated": { category: "change", label: "Answer validated" },
  "response.sent_back": { category: "change", label: "Answer sent back to its owner" },
  "responses.assigned": { category: "change", label: "Items assigned to a service owner" },
  "assessment.sample_drawn": { category: "change", label: "Validation sample drawn" },
  "attachment.added": { category: "change", label: "Attachment added" },
  "attachment.removed": { category: "change", label: "Attachment removed" },
  "attachment.downloaded": { category: "access", label: "Attachment downloaded" },
  "evidence.submitted": { category: "change", label: "Evidence submitted" },
  // Findings
  "finding.severity_changed": { category: "change", label: "Finding severity changed" },
  "finding.owner_changed": { category: "change", label: "Finding owner changed" },
  "finding.due_date_changed": { category: "change", label: "Finding due date changed" },
  "finding.status_changed": { category: "change", label: "Finding status changed" },
  "finding.risk_accepted": { category: "change", label: "Finding risk accepted" },
  "finding.risk_lapsed": { category: "change", label: "Finding risk acceptance lapsed" },
  "finding.commented": { category: "change", label: "Finding commented on" },
  "finding.risk_requested": { category: "change", label: "Risk acceptance requested (second lead to decide)" },
  "finding.risk_rejected": { category: "change", label: "Risk acceptance request rejected" },
  "programme.settings_changed": { category: "change", label: "Review cadence or four-eyes setting changed" },
  "campaign.launched": { category: "change", label: "Campaign launched" },
  "campaign.closed": { category: "change", label: "Campaign closed" },
  "webhook.created": { category: "security", label: "Webhook endpoint registered" },
  "webhook.removed": { category: "security", label: "Webhook endpoint removed" },
  "webhook.enabled": { category: "security", label: "Webhook endpoint enabled again" },
  "webhook.disabled": { category: "security", label: "Webhook endpoint disabled after repeated failures" },
  "notification.unsubscribed": { category: "change", label: "Email unsubscribed by one-click link" },
  // Exports
  "export.requested": { category: "access", label: "Report requested" },
  "export.download": { category: "access", label: "Report downloaded" },
  "export.assessment_pdf": { category: "access", label: "Assessment report exported (PDF)" },
  "export.portfolio_pdf": { category: "access", label: "Portfolio report exported (PDF)" },
  "export.assessment_csv": { category: "access", label: "Assessment exported (CSV)" },
  "export.assessment_json": { category: "access", label: "Assessment exported (JSON)" },
  "export.findings_csv": { category: "access", label: "Findings exported (CSV)" },
  "export.findings_json": { category: "access", label: "Findings exported (JSON)" },
} as const satisfies Record<string, Entry>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function auditCategoryOf(action: AuditAction): AuditCategory {
  return AUDIT_ACTIONS[action].category;
}

/** The label of a stored action, or the action itself for one this version does not know. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as AuditAction].label : action;
}
