// The one place that decides what a principal may do. Default deny: an action
// not listed below, an unknown action, or no principal at all is refused.
// Pure and synchronous, so it is tested as a table (policy.test.ts).

import type { TeamRole } from "../vocabulary/roles";

export interface Principal {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  memberships: readonly { teamId: string; role: TeamRole }[];
  /** Expiry of the user's org-wide auditor grant, if one is in force. */
  orgAuditorUntil: Date | null;
  /**
   * Set when the caller is an API token rather than a signed-in person: the
   * principal then holds only the token's team and role, on behalf of the
   * user who created it.
   */
  apiToken?: { id: string; name: string; prefix: string };
  /**
   * Signed in with an administrator's one-time password: the principal holds no
   * role, team or grant (so every check refuses) until a new password is set.
   */
  mustChangePassword?: boolean;
  /**
   * Set when the caller is an integration token (the catalogue sync, SCIM):
   * the principal may then do that one thing and nothing else.
   */
  integration?: { id: string; name: string; prefix: string; purpose: "catalog" | "scim" };
}

/** Actions on a team's records (services, assessments, findings, exports). */
// prettier-ignore
export const TEAM_ACTIONS = [
  "team.read", "service.create", "service.update",
  "assessment.edit", "assessment.attest", "assessment.validate", "assessment.submit", "assessment.approve",
  "finding.manage", "finding.acceptRisk", "finding.comment",
  "export.create", "team.audit.read", "token.manage", "webhook.manage",
] as const;
/** Organisation-level actions. */
export const ORG_ACTIONS = ["org.read", "audit.read", "admin.manage", "catalog.sync", "scim.provision"] as const;

export type TeamAction = (typeof TEAM_ACTIONS)[number];
export type OrgAction = (typeof ORG_ACTIONS)[number];
export type Action = TeamAction | OrgAction;

// prettier-ignore
export const ROLE_GRANTS = {
  // Security: starts, fills in, validates and submits assessments; keeps the team's service list current.
  reviewer: ["team.read", "service.create", "service.update", "assessment.edit", "assessment.attest", "assessment.validate", "assessment.submit",
    "finding.comment"],
  // Engineers who own the services: answer (attest) items and attach evidence; security validates what they say.
  owner: ["team.read", "assessment.attest", "finding.comment"],
  // Signs off, and owns findings and risk decisions; does not fill in what it approves.
  lead: ["team.read", "service.create", "service.update", "assessment.approve", "finding.manage", "finding.acceptRisk", "finding.comment",
    "export.create", "team.audit.read", "token.manage", "webhook.manage"],
  // Reads, exports and reads the team's audit trail; changes nothing.
  auditor: ["team.read", "export.create", "team.audit.read"],
} as const satisfies Record<TeamRole, readonly TeamAction[]>;

/** Whether a team role, held in a team, gives an action there (for choosing people, not for checking a caller). */
export function roleMay(role: TeamRole, action: TeamAction): boolean {
  return (ROLE_GRANTS[role] as readonly TeamAction[]).includes(action);
}

/** Org-wide reading, for admins and auditors with a grant in force. */
const ORG_READER_GRANTS: readonly TeamAction[] = ["team.read", "export.create", "team.audit.read"];
/** What admins may do on any team besides reading: manage its API tokens and webhooks. */
const ADMIN_TEAM_GRANTS: readonly TeamAction[] = ["token.manage", "webhook.manage"];

export function hasValidOrgAuditorGrant(principal: Principal, now: Date): boolean {
  return principal.orgAuditorUntil !== null && principal.orgAuditorUntil > now;
}

function isOrgReader(principal: Principal, now: Date): boolean {
  return principal.isAdmin || hasValidOrgAuditorGrant(principal, now);
}

export type Target = { teamId: string } | "org";

export function can(principal: Principal | null, action: Action, target: Target, now: Date = new Date()): boolean {
  if (!principal) return false;
  // An integration token does its one job: it holds no team, and reads nothing.
  if (principal.integration) {
    const only = principal.integration.purpose === "catalog" ? "catalog.sync" : "scim.provision";
    return target === "org" && action === only;
  }
  if (target === "org") {
    switch (action) {
      case "org.read":
      case "audit.read":
        return isOrgReader(principal, now);
      case "admin.manage":
      case "catalog.sync":
        return principal.isAdmin;
      default:
        return false;
    }
  }
  if (!(TEAM_ACTIONS as readonly string[]).includes(action)) return false;
  const teamAction = action as TeamAction;
  if (isOrgReader(principal, now) && ORG_READER_GRANTS.includes(teamAction)) return true;
  if (principal.isAdmin && ADMIN_TEAM_GRANTS.includes(teamAction)) return true;
  const membership = principal.memberships.find((m) => m.teamId === target.teamId);
  return membership ? (ROLE_GRANTS[membership.role] as readonly TeamAction[]).includes(teamAction) : false;
}

/** The teams whose records a principal may read: every team, or its own. */
export type ReadScope = { kind: "org" } | { kind: "teams"; teamIds: readonly string[] };

export function readScope(principal: Principal | null, now: Date = new Date()): ReadScope {
  if (!principal) return { kind: "teams", teamIds: [] };
  if (isOrgReader(principal, now)) return { kind: "org" };
  return { kind: "teams", teamIds: principal.memberships.map((m) => m.teamId) };
}

/**
 * The audit events a principal may browse: all of them for admins and org
 * auditors, otherwise the events of teams where the principal is lead or
 * auditor. Events with no team (sign-ins, user administration) are org-only.
 */
export type AuditScope = { kind: "org" } | { kind: "teams"; teamIds: readonly string[] };

export function auditScope(principal: Principal | null, now: Date = new Date()): AuditScope {
  if (!principal) return { kind: "teams", teamIds: [] };
  if (can(principal, "audit.read", "org", now)) return { kind: "org" };
  const teamIds = principal.memberships.filter((m) => can(principal, "team.audit.read", { teamId: m.teamId }, now)).map((m) => m.teamId);
  return { kind: "teams", teamIds };
}

/** Whether the principal may open the audit trail at all. */
export function canBrowseAuditTrail(principal: Principal | null, now: Date = new Date()): boolean {
  const scope = auditScope(principal, now);
  return scope.kind === "org" || scope.teamIds.length > 0;
}

/** Whether the principal may manage some team's API tokens (leads of a team, admins). */
export function mayManageTokens(principal: Principal | null, now: Date = new Date()): boolean {
  if (!principal || principal.apiToken) return false;
  return principal.isAdmin || principal.memberships.some((m) => can(principal, "token.manage", { teamId: m.teamId }, now));
}
