// Exports, API tokens and the audit trail's categories.
import type {
  ApiTokenScope as DbTokenScope,
  AuditCategory as DbAuditCategory,
  ExportKind as DbExportKind,
  ExportStatus as DbExportStatus,
  IntegrationPurpose as DbIntegrationPurpose,
  GroupGrant as DbGroupGrant,
} from "../generated/prisma/enums";
import { defineVocabulary, type ValueOfVocabulary } from "./define";
import type { TeamRole } from "./roles";

export const exportStates = defineVocabulary({
  QUEUED: { value: "queued", label: "Queued" },
  RUNNING: { value: "running", label: "In progress" },
  DONE: { value: "done", label: "Ready" },
  FAILED: { value: "failed", label: "Failed" },
} as const satisfies Record<DbExportStatus, { value: string; label: string }>);

export type ExportState = ValueOfVocabulary<typeof exportStates>;

export const exportKinds = defineVocabulary({
  ASSESSMENT_PDF: { value: "assessment_pdf", label: "Assessment report (PDF)" },
  PORTFOLIO_PDF: { value: "portfolio_pdf", label: "Portfolio report (PDF)" },
  ASSESSMENT_CSV: { value: "assessment_csv", label: "Assessment (CSV)" },
  ASSESSMENT_JSON: { value: "assessment_json", label: "Assessment (JSON)" },
  FINDINGS_CSV: { value: "findings_csv", label: "Findings (CSV)" },
  FINDINGS_JSON: { value: "findings_json", label: "Findings (JSON)" },
} as const satisfies Record<DbExportKind, { value: string; label: string }>);

export type ExportKind = ValueOfVocabulary<typeof exportKinds>;

export const tokenScopes = defineVocabulary({
  SUBMIT_EVIDENCE: { value: "submit_evidence", label: "Submit evidence" },
  READ: { value: "read", label: "Read" },
} as const satisfies Record<DbTokenScope, { value: string; label: string }>);

export type TokenScope = ValueOfVocabulary<typeof tokenScopes>;

/** What a token may do, as a role in its team: "submit evidence" works like a reviewer, "read" like an auditor. */
export const TOKEN_SCOPE_ROLE = { submit_evidence: "reviewer", read: "auditor" } as const satisfies Record<TokenScope, TeamRole>;

export const integrationPurposes = defineVocabulary({
  CATALOG: { value: "catalog", label: "Catalogue sync" },
  SCIM: { value: "scim", label: "SCIM provisioning" },
} as const satisfies Record<DbIntegrationPurpose, { value: string; label: string }>);

export type IntegrationPurpose = ValueOfVocabulary<typeof integrationPurposes>;

export const groupGrants = defineVocabulary({
  TEAM_ROLE: { value: "team_role", label: "A role in a team" },
  ORG_AUDITOR: { value: "org_auditor", label: "Org-wide auditor access" },
  ADMIN: { value: "admin", label: "Admin" },
} as const satisfies Record<DbGroupGrant, { value: string; label: string }>);

export type GroupGrantKind = ValueOfVocabulary<typeof groupGrants>;

export const auditCategories = defineVocabulary({
  SECURITY: { value: "security", label: "Security" },
  CHANGE: { value: "change", label: "Change" },
  ACCESS: { value: "access", label: "Access" },
} as const satisfies Record<DbAuditCategory, { value: string; label: string }>);

export type AuditCategory = ValueOfVocabulary<typeof auditCategories>;
