// The authorisation matrix: every server action in the build, called the way
// an attacker would (a raw POST with the action's id, no UI), by each kind of
// principal the issue names. Each cell asserts allowed or refused, and a
// refused call must change nothing. An action missing from MATRIX fails.
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { hashApiToken, newApiToken, newIntegrationToken } from "../lib/api/token-format";
import { planDigest, planImport } from "../lib/catalog/plan";
import { hashPassword } from "../lib/auth/password";
import { teamRoles, type TeamRole } from "../lib/vocabulary/roles";
import { signInOverHttp } from "../tests/http-sign-in";
import { newWebhookSecret, sealSecret } from "../lib/notify/seal";
import { actionsInBuild, routesInBuild } from "./build-manifest";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

const PRINCIPALS = [
  "anonymous",
  "reviewerOfA",
  "leadOfA",
  "auditorOfA",
  "ownerOfA",
  "memberOfB",
  "orgAuditor",
  "expiredOrgAuditor",
  "disabledUser",
  "admin",
] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

/** A member of team A in each team role: a role added without its principal here does not compile. */
const MEMBER_OF_A = { reviewer: "reviewerOfA", lead: "leadOfA", auditor: "auditorOfA", owner: "ownerOfA" } as const satisfies Record<TeamRole, PrincipalName>;

const ADMIN_ONLY: PrincipalName[] = ["admin"];
const REVIEWER_OF_A: PrincipalName[] = ["reviewerOfA"];
const LEAD_OF_A: PrincipalName[] = ["leadOfA"];
const EDITORS_OF_A: PrincipalName[] = ["reviewerOfA", "leadOfA"];
/** Who may answer team A's items and attach evidence: its reviewers and its service owners. */
const ANSWERERS_OF_A: PrincipalName[] = ["reviewerOfA", "ownerOfA"];
/** Everyone who may read team A's records: its members, valid org auditors, admins. */
const READERS_OF_A: PrincipalName[] = ["reviewerOfA", "leadOfA", "auditorOfA", "ownerOfA", "orgAuditor", "admin"];
const NOT_FOUND = "Not found, or you do not have access to it.";
const FORBIDDEN = "Your role does not allow this.";

interface Row {
  /** Who may call it; everyone else must be refused. */
  allowed: PrincipalName[];
  /** Form fields for one call; `unique` makes each call's values distinct. */
  input: (unique: string, ids: Ids) => Record<string, string | File>;
  /** Whether the call changed anything, read straight from the database. */
  changed: (unique: string, ids: Ids) => Promise<boolean>;
  /** An action that only reads (a preview): allowed callers get its answer, the others are refused; nobody changes anything. */
  readOnly?: true;
}

interface Ids {
  victim: string;
  grantee: string;
  team: string;
  /** A team of the matrix's own, for renaming. */
  spareTeam: string;
  /** Team A services of the matrix's own: one to edit, one to start assessments on. */
  service: string;
  startService: string;
  /** Team A assessments: a blank draft, a complete draft, and two submitted ones. */
  draft: string;
  completeDraft: string;
  toReturn: string;
  toApprove: string;
  item: string;
  /** The last item of the blank draft (factor 12), carried over: what confirming the factor's carried-over answers moves. */
  carriedItem: string;
  /** A platform of team B covering F01-REPO-ACCESS, and a team A service that runs on it. */
  platform: string;
  platformUser: string;
  /** An item of the blank draft a service owner of team A attested, waiting for validation. */
  attestedItem: string;
  /** An open finding of team A, medium severity, and a member of team A who may own it. */
  finding: string;
  member: string;
  /** Attachments on the blank draft: one to remove, one to download. */
  attachment: string;
  readableAttachment: string;
  /** A finished portfolio report that team A's auditor asked for. */
  auditorsExport: string;
  /** A token of team A for revoking, and a machine suggestion on the blank draft's first item. */
  tokenToRevoke: string;
  evidence: string;
  /** An integration token to revoke, and a catalogue owner mapping to remove. */
  integrationToken: string;
  ownerToUnmap: string;
  /** A group mapping to remove. */
  groupMapping: string;
  /** Each principal's own unread notification (by the lower-case name that starts `unique`), and their user ids. */
  inbox: Record<string, string>;
  users: Record<string, string>;
  /** Team A webhooks: one to remove, one disabled to enable; the newest checklist version; a high finding with a risk request by someone else. */
  webhook: string;
  disabledWebhook: string;
  version: string;
  highFinding: string;
}

const SIGNED_IN: PrincipalName[] = ["reviewerOfA", "leadOfA", "auditorOfA", "ownerOfA", "memberOfB", "orgAuditor", "expiredOrgAuditor", "admin"];

let db: pg.Client;
const query = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;

const MATRIX: Record<string, Row> = {
  "app/admin/users/actions.ts#createUserAction": {
    allowed: ADMIN_ONLY,
    input: (u) => ({ email: `matrix.${u}@demo.test`, name: `Matrix ${u}` }),
    changed: async (u) => (await query("SELECT 1 FROM users WHERE email = $1", [`matrix.${u}@demo.test`])).length > 0,
  },
  "app/admin/users/actions.ts#setUserDisabledAction": {
    allowed: ADMIN_ONLY,
    input: (_u, ids) => ({ userId: ids.victim, disabled: "true" }),
    changed: async (_u, ids) => {
      const [row] = await query("SELECT disabled_at FROM users WHERE id = $1", [ids.victim]);
      const changed = row.disabled_at !== null;
      if (changed) await query("UPDATE users SET disabled_at = NULL WHERE id = $1", [ids.victim]);
      return changed;
    },
  },
  "app/admin/users/actions.ts#resetUserPasswordAction": {
    allowed: ADMIN_ONLY,
    input: (_u, ids) => ({ userId: ids.victim }),
    changed: async (_u, ids) => {
      const [row] = await query("SELECT password_hash FROM users WHERE id = $1", [ids.victim]);
      const changed = row.password_hash !== VICTIM_HASH;
      if (changed) await query("UPDATE users SET password_hash = $2 WHERE id = $1", [ids.victim, VICTIM_HASH]);
      return changed;
    },
  },
};

Object.assign(MATRIX, {
  "app/admin/users/actions.ts#setMembershipAction": {
    allowed: ADMIN_ONLY,
    input: (_u, ids) => ({ userId: ids.victim, teamId: ids.team, role: "reviewer" }),
    changed: async (_u, ids) => {
      const rows = await query("DELETE FROM memberships WHERE user_id = $1 AND team_id = $2 RETURNING id", [ids.victim, ids.team]);
      return rows.length > 0;
    },
  },
  "app/admin/users/actions.ts#grantAuditorAction": {
    allowed: ADMIN_ONLY,
    input: (u, ids) => ({ userId: ids.victim, expiresOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), reason: `matrix ${u}` }),
    changed: async (u, ids) => {
      const rows = await query("SELECT id FROM auditor_grants WHERE user_id = $1 AND reason = $2", [ids.victim, `matrix ${u}`]);
      await query("DELETE FROM auditor_grants WHERE user_id = $1", [ids.victim]);
      return rows.length > 0;
    },
  },
  "app/admin/users/actions.ts#revokeAuditorAction": {
    allowed: ADMIN_ONLY,
    input: (_u, ids) => ({ userId: ids.grantee }),
    changed: async (_u, ids) => {
      const rows = await query("UPDATE auditor_grants SET revoked_at = NULL WHERE user_id = $1 AND revoked_at IS NOT NULL RETURNING id", [ids.grantee]);
      return rows.length > 0;
    },
  },
} satisfies Record<string, Row>);

/** A CSV import of one new service of team A (payments), and the digest of its plan, as the preview would give it. */
function csvImport(unique: string, ids: Ids) {
  const name = `Matrix csv ${unique}`;
  const files = [{ path: "matrix.csv", content: `name,team\n${name},payments\n` }];
  const desired = {
    place: { file: "matrix.csv", line: 2 },
    ref: null,
    uid: null,
    teamId: ids.team,
    name,
    description: undefined,
    tier: null,
    defaultTier: "medium" as const,
    repositoryUrl: undefined,
    info: null,
  };
  return { name, fields: { mode: "csv", files: JSON.stringify(files), digest: planDigest(planImport("csv", [desired], [], { problems: [] })) } };
}

Object.assign(MATRIX, {
  "app/admin/identity/actions.ts#createGroupMappingAction": {
    allowed: ADMIN_ONLY,
    input: (u, ids) => ({ groupName: `matrix-group-${u}`, grant: "team_role", teamId: ids.team, role: "auditor" }),
    changed: async (u) => (await query("SELECT 1 FROM group_mappings WHERE group_name = $1", [`matrix-group-${u}`])).length > 0,
  },
  "app/admin/identity/actions.ts#removeGroupMappingAction": {
    allowed: ADMIN_ONLY,
    input: (_u, ids) => ({ mappingId: ids.groupMapping }),
    changed: async (_u, ids) => {
      const gone = (await query("SELECT 1 FROM group_mappings WHERE id = $1", [ids.groupMapping])).length === 0;
      if (gone) await query("INSERT INTO group_mappings (id, group_name, \"grant\") VALUES ($1, 'matrix-removable', 'admin')", [ids.groupMapping]);
      return gone;
    },
  },
  "app/admin/catalog/actions.ts#previewImportAction": {
    allowed: ADMIN_ONLY,
    readOnly: true,
    input: (u, ids) => ({ ...csvImport(u, ids).fields, digest: "" }),
    changed: async (u, ids) => (await query("SELECT 1 FROM services WHERE name = $1", [csvImport(u, ids).name])).length > 0,
  },
  "app/admin/catalog/actions.ts#applyImportAction": {
    allowed: ADMIN_ONLY,
    input: (u, ids) => csvImport(u, ids).fields,
    changed: async (u, ids) => (await query("SELECT 1 FROM services WHERE name = $1", [csvImport(u, ids).name])).length > 0,
  },
  "app/admin/catalog/actions.ts#mapOwnerAction": {
    allowed: ADMIN_ONLY,
    input: (u, ids) => ({ ownerRef: `group:default/matrix-${u.replace(/[^a-z0-9]/g, "-")}`, teamId: ids.team }),
    changed: async (u) =>
      (await query("SELECT 1 FROM catalog_owners WHERE owner_ref = $1", [`group:default/matrix-${u.replace(/[^a-z0-9]/g, "-")}`])).length > 0,
  },
  "app/admin/catalog/actions.ts#unmapOwnerAction": {
    allowed: ADMIN_ONLY,
    input: (_u, ids) => ({ ownerRef: ids.ownerToUnmap }),
    changed: async (_u, ids) => {
      const gone = (await query("SELECT 1 FROM catalog_owners WHERE owner_ref = $1", [ids.ownerToUnmap])).length === 0;
      if (gone) await query("INSERT INTO catalog_owners (owner_ref, team_id) VALUES ($1, $2)", [ids.ownerToUnmap, ids.team]);
      return gone;
    },
  },
  "app/admin/catalog/actions.ts#createIntegrationTokenAction": {
    allowed: ADMIN_ONLY,
    input: (u) => ({ name: `matrix ${u}`, purpose: "scim", expiresInDays: "30" }),
    changed: async (u) => (await query("SELECT 1 FROM integration_tokens WHERE name = $1", [`matrix ${u}`])).length > 0,
  },
  "app/admin/catalog/actions.ts#revokeIntegrationTokenAction": {
    allowed: ADMIN_ONLY,
    input: (_u, ids) => ({ tokenId: ids.integrationToken }),
    changed: async (_u, ids) =>
      (await query("UPDATE integration_tokens SET revoked_at = NULL WHERE id = $1 AND revoked_at IS NOT NULL RETURNING id", [ids.integrationToken])).length > 0,
  },
} satisfies Record<string, Row>);

Object.assign(MATRIX, {
  "app/admin/teams/actions.ts#createTeamAction": {
    allowed: ADMIN_ONLY,
    input: (u) => ({ name: `Matrix team ${u}`, description: "" }),
    changed: async (u) => (await query("SELECT 1 FROM teams WHERE name = $1", [`Matrix team ${u}`])).length > 0,
  },
  "app/admin/teams/actions.ts#updateTeamAction": {
    allowed: ADMIN_ONLY,
    input: (u, ids) => ({ teamId: ids.spareTeam, name: `Matrix renamed ${u}`, description: "" }),
    changed: async (u, ids) => (await query("SELECT 1 FROM teams WHERE id = $1 AND name = $2", [ids.spareTeam, `Matrix renamed ${u}`])).length > 0,
  },
  // Everyone signed in may change their own password, and only their own.
  "app/account/actions.ts#changePasswordAction": {
    allowed: SIGNED_IN,
    input: (u) => ({ currentPassword: PASSWORD, newPassword: `new ${u} passphrase`, confirmPassword: `new ${u} passphrase` }),
    changed: async () => {
      // Every matrix user shares one hash: any other hash among them is a change. Put it back.
      const rows = await query("UPDATE users SET password_hash = $1 WHERE email LIKE $2 AND password_hash <> $1 RETURNING id", [
        VICTIM_HASH,
        `%.${RUN}@demo.test`,
      ]);
      return rows.length > 0;
    },
  },
} satisfies Record<string, Row>);

const status = async (id: string) => (await query("SELECT status FROM assessments WHERE id = $1", [id]))[0].status as string;

/** Whether the assessment reached `to`; if it did, it is put back to `from`, so that the next caller finds it as it was. */
const movedTo = async (id: string, to: string, from: string) => {
  const moved = (await status(id)) === to;
  if (moved) await query("UPDATE assessments SET status = $2 WHERE id = $1", [id, from]);
  return moved;
};

Object.assign(MATRIX, {
  "app/services/actions.ts#createServiceAction": {
    allowed: EDITORS_OF_A,
    input: (u, ids) => ({ teamId: ids.team, name: `Matrix service ${u}`, description: "", criticality: "medium", repositoryUrl: "" }),
    changed: async (u) => (await query("SELECT 1 FROM services WHERE name = $1", [`Matrix service ${u}`])).length > 0,
  },
  "app/services/actions.ts#updateServiceAction": {
    allowed: EDITORS_OF_A,
    input: (u, ids) => ({
      serviceId: ids.service,
      teamId: ids.team,
      name: `matrix-svc-${RUN}`,
      description: `matrix ${u}`,
      criticality: "low",
      repositoryUrl: "",
    }),
    changed: async (u, ids) => (await query("SELECT 1 FROM services WHERE id = $1 AND description = $2", [ids.service, `matrix ${u}`])).length > 0,
  },
  "app/services/actions.ts#startAssessmentAction": {
    allowed: REVIEWER_OF_A,
    input: (_u, ids) => ({ serviceId: ids.startService }),
    // Removed again, so that the next caller meets the same state.
    changed: async (_u, ids) => (await query("DELETE FROM assessments WHERE service_id = $1 RETURNING id", [ids.startService])).length > 0,
  },
  "app/services/actions.ts#changeFindingSeverityAction": {
    allowed: LEAD_OF_A,
    input: (u, ids) => ({ findingId: ids.finding, severity: "high", reason: `matrix ${u}` }),
    changed: async (_u, ids) => {
      const rows = await query("UPDATE findings SET severity = 'medium' WHERE id = $1 AND severity <> 'medium' RETURNING id", [ids.finding]);
      return rows.length > 0;
    },
  },
  "app/services/actions.ts#updateFindingsAction": {
    allowed: LEAD_OF_A,
    input: (_u, ids) => ({ change: "owner", findingIds: ids.finding, ownerId: ids.member }),
    changed: async (_u, ids) =>
      (await query("UPDATE findings SET owner_id = NULL WHERE id = $1 AND owner_id = $2 RETURNING id", [ids.finding, ids.member])).length > 0,
  },
  "app/findings/[id]/actions.ts#assignOwnerAction": {
    allowed: LEAD_OF_A,
    input: (_u, ids) => ({ findingId: ids.finding, ownerId: ids.member }),
    changed: async (_u, ids) =>
      (await query("UPDATE findings SET owner_id = NULL WHERE id = $1 AND owner_id = $2 RETURNING id", [ids.finding, ids.member])).length > 0,
  },
  "app/findings/[id]/actions.ts#setDueDateAction": {
    allowed: LEAD_OF_A,
    input: (u, ids) => ({ findingId: ids.finding, dueOn: "2099-01-01", reason: `matrix ${u}` }),
    changed: async (_u, ids) =>
      (await query("UPDATE findings SET due_date = NULL WHERE id = $1 AND (due_date AT TIME ZONE 'UTC')::date = '2099-01-01' RETURNING id", [ids.finding]))
        .length > 0,
  },
  "app/findings/[id]/actions.ts#setProgressAction": {
    allowed: LEAD_OF_A,
    input: (_u, ids) => ({ findingId: ids.finding, status: "in_progress" }),
    changed: async (_u, ids) =>
      (await query("UPDATE findings SET status = 'open' WHERE id = $1 AND status = 'in_progress' RETURNING id", [ids.finding])).length > 0,
  },
  "app/findings/[id]/actions.ts#acceptRiskAction": {
    allowed: LEAD_OF_A,
    input: (u, ids) => ({ findingId: ids.finding, reason: `matrix ${u}`, expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }),
    changed: async (_u, ids) =>
      (
        await query(
          "UPDATE findings SET status = 'open', risk_acceptance_reason = NULL, risk_accepted_by_id = NULL, risk_accepted_at = NULL, risk_acceptance_expires_at = NULL WHERE id = $1 AND status = 'risk_accepted' RETURNING id",
          [ids.finding],
        )
      ).length > 0,
  },
  "app/findings/[id]/actions.ts#addCommentAction": {
    allowed: [...EDITORS_OF_A, "ownerOfA"],
    input: (u, ids) => ({ findingId: ids.finding, body: `matrix ${u}` }),
    changed: async (u, ids) => (await query("SELECT 1 FROM comments WHERE finding_id = $1 AND body = $2", [ids.finding, `matrix ${u}`])).length > 0,
  },
  "app/assessments/[id]/actions.ts#saveResponseAction": {
    allowed: ANSWERERS_OF_A,
    input: (u, ids) => ({
      assessmentId: ids.draft,
      itemId: ids.item,
      baseVersion: "1",
      status: "met",
      justification: "",
      notes: `matrix ${u}`,
      evidenceLinks: "",
    }),
    // Saved, then back to version 1 for the next caller's base version.
    changed: async (u, ids) =>
      (await query("UPDATE responses SET version = 1 WHERE assessment_id = $1 AND notes = $2 RETURNING id", [ids.draft, `matrix ${u}`])).length > 0,
  },
  "app/assessments/[id]/actions.ts#confirmCarriedOverAction": {
    allowed: ANSWERERS_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.draft, factor: ids.carriedItem.slice(1, 3) }),
    // Confirmed means no longer carried over; carried over again for the next caller.
    changed: async (_u, ids) =>
      (
        await query("UPDATE responses SET carried_over = true WHERE assessment_id = $1 AND item_id = $2 AND NOT carried_over RETURNING id", [
          ids.draft,
          ids.carriedItem,
        ])
      ).length > 0,
  },
  "app/assessments/[id]/actions.ts#addAttachmentAction": {
    allowed: ANSWERERS_OF_A,
    input: (u, ids) => ({ assessmentId: ids.draft, itemId: ids.item, file: new File([`evidence ${u}`], `matrix-${u}.txt`, { type: "text/plain" }) }),
    changed: async (u) => (await query("SELECT 1 FROM attachments WHERE file_name = $1", [`matrix-${u}.txt`])).length > 0,
  },
  "app/assessments/[id]/actions.ts#removeAttachmentAction": {
    allowed: ANSWERERS_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.draft, itemId: ids.item, attachmentId: ids.attachment }),
    changed: async (_u, ids) => {
      const gone = (await query("SELECT 1 FROM attachments WHERE id = $1", [ids.attachment])).length === 0;
      // Put back (same id), so that the next caller has something to try to remove.
      if (gone) await restoreRemovable(ids);
      return gone;
    },
  },
  "app/assessments/[id]/actions.ts#submitAssessmentAction": {
    allowed: REVIEWER_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.completeDraft }),
    changed: (_u, ids) => movedTo(ids.completeDraft, "in_review", "draft"),
  },
  "app/assessments/[id]/actions.ts#returnAssessmentAction": {
    allowed: LEAD_OF_A,
    input: (u, ids) => ({ assessmentId: ids.toReturn, comment: `matrix ${u}`, itemIds: ids.item }),
    changed: (_u, ids) => movedTo(ids.toReturn, "draft", "in_review"),
  },
  "app/assessments/[id]/actions.ts#approveAssessmentAction": {
    allowed: LEAD_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.toApprove }),
    changed: (_u, ids) => movedTo(ids.toApprove, "completed", "in_review"),
  },
  // Platforms: a service's reviewers and leads choose what it runs on and how it takes each covered item; the matrix's own services.
  "app/services/actions.ts#setPlatformAction": {
    allowed: EDITORS_OF_A,
    input: (_u, ids) => ({ serviceId: ids.service, kind: "Matrix cluster", "item-F01-REPO-ACCESS": "on" }),
    changed: async (_u, ids) =>
      (await query("UPDATE services SET platform_kind = NULL, platform_items = '{}' WHERE id = $1 AND platform_kind IS NOT NULL RETURNING id", [ids.service]))
        .length > 0,
  },
  "app/services/actions.ts#usePlatformAction": {
    allowed: EDITORS_OF_A,
    input: (_u, ids) => ({ serviceId: ids.startService, platformId: ids.platform }),
    changed: async (_u, ids) =>
      (await query("DELETE FROM platform_uses WHERE service_id = $1 AND platform_id = $2 RETURNING service_id", [ids.startService, ids.platform])).length > 0,
  },
  "app/services/actions.ts#stopUsingPlatformAction": {
    allowed: EDITORS_OF_A,
    input: (_u, ids) => ({ serviceId: ids.platformUser, platformId: ids.platform }),
    // Gone, then back for the next caller.
    changed: async (_u, ids) =>
      (
        await query("INSERT INTO platform_uses (service_id, platform_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING service_id", [
          ids.platformUser,
          ids.platform,
        ])
      ).length > 0,
  },
  "app/services/actions.ts#setInheritanceModesAction": {
    allowed: EDITORS_OF_A,
    input: (_u, ids) => ({ serviceId: ids.platformUser, platformId: ids.platform, "mode-F01-REPO-ACCESS": "own" }),
    changed: async (_u, ids) =>
      (
        await query("UPDATE platform_uses SET modes = '{}' WHERE service_id = $1 AND platform_id = $2 AND modes <> '{}' RETURNING service_id", [
          ids.platformUser,
          ids.platform,
        ])
      ).length > 0,
  },
  // Security validates what a service owner attested: agreed, then waiting again for the next caller.
  "app/assessments/[id]/actions.ts#validateResponseAction": {
    allowed: REVIEWER_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.draft, itemId: ids.attestedItem, version: "1", decision: "agree" }),
    changed: async (_u, ids) =>
      (
        await query(
          "UPDATE responses SET validation = NULL, validated_by_id = NULL, validated_at = NULL WHERE assessment_id = $1 AND item_id = $2 AND validation = 'agreed' RETURNING id",
          [ids.draft, ids.attestedItem],
        )
      ).length > 0,
  },
  "app/assessments/[id]/actions.ts#assignFactorAction": {
    allowed: REVIEWER_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.draft, factor: "2", assigneeId: ids.users.ownerofa! }),
    changed: async (_u, ids) =>
      (
        await query("UPDATE responses SET assignee_id = NULL WHERE assessment_id = $1 AND item_id LIKE 'F02-%' AND assignee_id IS NOT NULL RETURNING id", [
          ids.draft,
        ])
      ).length > 0,
  },
  // The sample is drawn once per assessment; undone for the next caller.
  "app/assessments/[id]/actions.ts#drawSampleAction": {
    allowed: REVIEWER_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.draft, "severity-critical": "on", percent: "50", minimum: "0" }),
    changed: async (_u, ids) =>
      (
        await query(
          "UPDATE assessments SET sample_drawn_at = NULL, sample_drawn_by_id = NULL, sample_item_ids = '{}', sampling_rule = NULL WHERE id = $1 AND sample_drawn_at IS NOT NULL RETURNING id",
          [ids.draft],
        )
      ).length > 0,
  },
} satisfies Record<string, Row>);

Object.assign(MATRIX, {
  // Anyone who may export some team asks for a report of their own scope (tests/integration/portfolio-export.test.ts
  // checks the scope, and the check again when the worker runs it); reviewers and people with no team may not export.
  "app/exports/actions.ts#requestPortfolioExportAction": {
    allowed: ["leadOfA", "auditorOfA", "memberOfB", "orgAuditor", "admin"],
    input: () => ({ team: "" }),
    changed: async (_u: string, ids: Ids) =>
      (
        await query(
          "DELETE FROM exports e USING users u WHERE e.requested_by_id = u.id AND u.email LIKE $1 AND e.kind = 'portfolio_pdf' AND e.id <> $2 RETURNING e.id",
          [`%.${RUN}@demo.test`, ids.auditorsExport],
        )
      ).length > 0,
  },
} satisfies Record<string, Row>);

Object.assign(MATRIX, {
  // Leads of the team and admins manage its API tokens.
  "app/tokens/actions.ts#createTokenAction": {
    allowed: ["leadOfA", "admin"],
    input: (u, ids) => ({ teamId: ids.team, name: `matrix token ${u}`, scope: "read", expiresInDays: "30" }),
    changed: async (u) => (await query("DELETE FROM api_tokens WHERE name = $1 RETURNING id", [`matrix token ${u}`])).length > 0,
  },
  "app/tokens/actions.ts#revokeTokenAction": {
    allowed: ["leadOfA", "admin"],
    input: (_u, ids) => ({ tokenId: ids.tokenToRevoke }),
    changed: async (_u, ids) =>
      (await query("UPDATE api_tokens SET revoked_at = NULL, revoked_by_id = NULL WHERE id = $1 AND revoked_at IS NOT NULL RETURNING id", [ids.tokenToRevoke]))
        .length > 0,
  },
  // A team's lead decides whether drift opens findings at once.
  "app/tokens/actions.ts#setDriftPolicyAction": {
    allowed: LEAD_OF_A,
    input: (_u, ids) => ({ teamId: ids.team, opensFindings: "on" }),
    changed: async (_u, ids) =>
      (await query("UPDATE teams SET drift_opens_findings = false WHERE id = $1 AND drift_opens_findings RETURNING id", [ids.team])).length > 0,
  },
  // Reviewers of the team decide on machine suggestions in a draft, as they answer items.
  "app/assessments/[id]/actions.ts#decideSuggestionAction": {
    allowed: ANSWERERS_OF_A,
    input: (_u, ids) => ({ assessmentId: ids.draft, itemId: ids.item, evidenceId: ids.evidence, decision: "accept" }),
    changed: async (_u, ids) =>
      (
        await query(
          "UPDATE responses SET suggestion_id = NULL, suggestion_outcome = NULL, suggestion_decided_by_id = NULL, suggestion_decided_at = NULL WHERE assessment_id = $1 AND item_id = $2 AND suggestion_id IS NOT NULL RETURNING id",
          [ids.draft, ids.item],
        )
      ).length > 0,
  },
} satisfies Record<string, Row>);

Object.assign(MATRIX, {
  // A person's own notifications and email settings: every signed-in user, on their own only.
  "app/notifications/actions.ts#openNotificationAction": {
    allowed: ["leadOfA"],
    input: () => ({ notificationId: ids.inbox.leadofa! }),
    changed: async () =>
      (await query("UPDATE notifications SET read_at = NULL WHERE id = $1 AND read_at IS NOT NULL RETURNING id", [ids.inbox.leadofa])).length > 0,
  },
  // Someone who may read no team (an expired auditor) has nothing to mark.
  "app/notifications/actions.ts#markAllReadAction": {
    allowed: SIGNED_IN.filter((p) => p !== "expiredOrgAuditor"),
    input: () => ({}),
    changed: async (u: string) =>
      (await query("UPDATE notifications SET read_at = NULL WHERE user_id = $1 AND read_at IS NOT NULL RETURNING id", [caller(u)])).length > 0,
  },
  "app/notifications/actions.ts#savePreferencesAction": {
    allowed: SIGNED_IN,
    input: () => ({ "finding.assigned": "off" }),
    changed: async (u: string) =>
      (await query("DELETE FROM notification_preferences WHERE user_id = $1 AND kind = 'finding.assigned' RETURNING user_id", [caller(u)])).length > 0,
  },
  "app/admin/programme/actions.ts#saveProgrammeAction": {
    allowed: ADMIN_ONLY,
    input: () => ({ critical: "91", high: "180", medium: "365", low: "365", fourEyes_critical: "on", fourEyes_high: "on" }),
    changed: async () => (await query("DELETE FROM programme_settings WHERE review_days_critical = 91 RETURNING id")).length > 0,
  },
  // Leads of the team and admins register, remove and re-enable its webhooks.
  "app/webhooks/actions.ts#createWebhookAction": {
    allowed: ["leadOfA", "admin"],
    input: (u: string, ids: Ids) => ({
      teamId: ids.team,
      name: `matrix hook ${u}`,
      url: "http://127.0.0.1:9/matrix",
      format: "standard",
      "kind_assessment.submitted": "on",
    }),
    changed: async (u: string) => (await query("DELETE FROM webhook_endpoints WHERE name = $1 RETURNING id", [`matrix hook ${u}`])).length > 0,
  },
  "app/webhooks/actions.ts#removeWebhookAction": {
    allowed: ["leadOfA", "admin"],
    input: (_u: string, ids: Ids) => ({ webhookId: ids.webhook }),
    changed: async (_u: string, ids: Ids) => {
      const gone = (await query("SELECT 1 FROM webhook_endpoints WHERE id = $1", [ids.webhook])).length === 0;
      if (gone) {
        await query(
          "INSERT INTO webhook_endpoints (id, team_id, name, url, kinds, secret_sealed) VALUES ($1, $2, 'matrix removable', 'http://127.0.0.1:9/matrix', '{assessment.submitted}', $3)",
          [ids.webhook, ids.team, sealSecret(newWebhookSecret())],
        );
      }
      return gone;
    },
  },
  "app/webhooks/actions.ts#enableWebhookAction": {
    allowed: ["leadOfA", "admin"],
    input: (_u: string, ids: Ids) => ({ webhookId: ids.disabledWebhook }),
    changed: async (_u: string, ids: Ids) =>
      (
        await query("UPDATE webhook_endpoints SET disabled_at = now(), disabled_reason = 'matrix' WHERE id = $1 AND disabled_at IS NULL RETURNING id", [
          ids.disabledWebhook,
        ])
      ).length > 0,
  },
  // Leads launch campaigns over the teams they lead (team A here); admins over any.
  "app/campaigns/actions.ts#launchCampaignAction": {
    allowed: ["leadOfA", "admin"],
    input: (u: string, ids: Ids) => ({
      name: `matrix campaign ${u}`,
      [`team_${ids.team}`]: "on",
      checklistVersionId: ids.version,
      deadlineOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    }),
    changed: async (u: string) => (await query("DELETE FROM campaigns WHERE name = $1 RETURNING id", [`matrix campaign ${u}`])).length > 0,
  },
  // A second lead of the team decides a four-eyes request (the requester here is someone else).
  "app/findings/[id]/actions.ts#decideRiskAction": {
    allowed: LEAD_OF_A,
    input: (_u: string, ids: Ids) => ({ findingId: ids.highFinding, decision: "approve", note: "matrix" }),
    changed: async (_u: string, ids: Ids) => {
      const decided =
        (
          await query(
            "UPDATE risk_acceptance_requests SET status = 'pending', decided_by_id = NULL, decided_at = NULL WHERE finding_id = $1 AND status <> 'pending' RETURNING id",
            [ids.highFinding],
          )
        ).length > 0;
      if (decided) {
        await query(
          "UPDATE findings SET status = 'open', risk_acceptance_reason = NULL, risk_accepted_by_id = NULL, risk_accepted_at = NULL, risk_acceptance_expires_at = NULL WHERE id = $1",
          [ids.highFinding],
        );
      }
      return decided;
    },
  },
} satisfies Record<string, Row>);

// Route handlers, called with each principal's cookie like any other request.
const ROUTES: Record<
  string,
  { allowed: PrincipalName[]; path: (ids: Ids) => string; check: (response: Response, principal: PrincipalName) => Promise<void>; method?: "POST" }
> = {
  // Those whose role may export some team's records export their own scope (reviewers may not, 403): team A's finding only for team A's readers.
  "/findings/export/route": {
    allowed: ["leadOfA", "auditorOfA", "memberOfB", "orgAuditor", "admin"],
    method: "POST",
    path: () => "/findings/export?status=all",
    check: async (response, principal) => {
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const csv = await response.text();
      expect(csv.startsWith("finding_id,item_id,title,")).toBe(true);
      expect(csv.includes("Matrix finding")).toBe(READERS_OF_A.includes(principal));
    },
  },
  "/assessments/[id]/attachments/[attachmentId]/route": {
    allowed: READERS_OF_A,
    path: (ids) => `/assessments/${ids.draft}/attachments/${ids.readableAttachment}`,
    check: async (response) => {
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="readable\.txt"/);
      // The route's sandbox, not the page policy (proxy.ts used to overwrite it).
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
      expect(response.headers.get("content-type")).toBe("application/octet-stream");
      expect(await response.text()).toBe("readable evidence");
    },
  },
};

Object.assign(ROUTES, {
  "/admin/catalog/template/route": {
    allowed: ADMIN_ONLY,
    path: () => "/admin/catalog/template",
    check: async (response: Response) => {
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect((await response.text()).startsWith("name,team,tier,description,repository_url")).toBe(true);
    },
  },
});

Object.assign(ROUTES, {
  // Read-only and scoped: every signed-in user may ask; a hash nobody exported is unknown to all.
  "/verify/[sha256]/route": {
    allowed: ["reviewerOfA", "leadOfA", "auditorOfA", "ownerOfA", "memberOfB", "orgAuditor", "expiredOrgAuditor", "admin"],
    path: () => `/verify/${"0".repeat(64)}`,
    check: async (response: Response) => {
      expect(await response.json()).toEqual({ sha256: "0".repeat(64), status: "unknown" });
    },
  },
  // An export belongs to whoever asked for it (their name is on every page): nobody else downloads it, admins included.
  "/exports/[id]/download/route": {
    allowed: ["auditorOfA"],
    path: (ids: Ids) => `/exports/${ids.auditorsExport}/download`,
    check: async (response: Response) => {
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="matrix-report\.pdf"/);
      expect(await response.text()).toBe("%PDF-matrix");
    },
  },
  "/assessments/[id]/data/route": {
    allowed: ["leadOfA", "auditorOfA", "orgAuditor", "admin"],
    method: "POST",
    path: (ids: Ids) => `/assessments/${ids.toReturn}/data?format=json`,
    check: async (response: Response) => {
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThan(50);
    },
  },
  // A team's trend only for its readers: anyone else is told it is not found (404, audited), never given an empty series.
  "/series/portfolio-trend/route": {
    allowed: READERS_OF_A,
    path: () => "/series/portfolio-trend?team=payments&months=6",
    check: async (response: Response) => {
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const body = (await response.json()) as { months: number; points: { month: string; assessed: number }[] };
      expect(body.months).toBe(6);
      expect(body.points.length).toBe(6);
      expect(body.points.at(-1)!.assessed).toBeGreaterThan(0);
    },
  },
  // A service's history: only for those who may read the service (team A's ledger).
  "/series/service-trend/route": {
    allowed: READERS_OF_A,
    path: () => "/series/service-trend?service=ledger-service",
    check: async (response: Response) => {
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const body = (await response.json()) as { service: string; scores: { score: number | null }[]; unresolved: unknown[] };
      expect(body.service).toBe("ledger-service");
      expect(body.scores.length).toBeGreaterThan(3);
      expect(body.unresolved.length).toBeGreaterThan(3);
    },
  },
  "/assessments/[id]/report/route": {
    allowed: ["leadOfA", "auditorOfA", "orgAuditor", "admin"],
    method: "POST",
    path: (ids: Ids) => `/assessments/${ids.toReturn}/report`,
    check: async (response: Response) => {
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    },
  },
});

// The API (/api/v1), called with each kind of token, and with none or a session cookie instead.
const API_CALLERS = [
  "noToken",
  "sessionCookieOfLeadOfA",
  "submitTokenOfA",
  "readTokenOfA",
  "expiredTokenOfA",
  "revokedTokenOfA",
  "tokenOfB",
  "tokenOfNonLead",
  // Organisation-wide integration tokens: each good for its own endpoint only.
  "catalogToken",
  "scimToken",
] as const;
type ApiCallerName = (typeof API_CALLERS)[number];
const apiTokens = new Map<ApiCallerName, string>();
const TEAM_TOKENS_OF_ANY_TEAM: ApiCallerName[] = ["submitTokenOfA", "readTokenOfA", "tokenOfB"];
const TOKENS_OF_A: ApiCallerName[] = ["submitTokenOfA", "readTokenOfA"];

interface ApiRow {
  allowed: ApiCallerName[];
  path: (ids: Ids) => string;
  body?: (unique: string, ids: Ids) => unknown;
  status?: number;
  check?: (json: unknown, caller: ApiCallerName) => void;
  /** For writes: whether the call changed anything (a refused one must not). */
  changed?: (unique: string, ids: Ids) => Promise<boolean>;
}

const API: Record<string, ApiRow> = {
  "GET /api/v1/checklist/route": {
    allowed: TEAM_TOKENS_OF_ANY_TEAM,
    path: () => "/api/v1/checklist",
    check: (json) => expect((json as { factors: unknown[] }).factors).toHaveLength(12),
  },
  "GET /api/v1/services/route": {
    allowed: TEAM_TOKENS_OF_ANY_TEAM,
    path: () => "/api/v1/services?pageSize=100",
    check: (json, caller) => {
      const slugs = (json as { data: { slug: string }[] }).data.map((s) => s.slug);
      expect(slugs.includes(`matrix-svc-${RUN}`)).toBe(caller !== "tokenOfB");
    },
  },
  "POST /api/v1/services/route": {
    allowed: ["submitTokenOfA", "tokenOfB"],
    path: () => "/api/v1/services",
    body: (u) => ({ name: `Matrix API ${u}`, criticality: "low" }),
    status: 201,
    changed: async (u) => (await query("SELECT 1 FROM services WHERE name = $1", [`Matrix API ${u}`])).length > 0,
  },
  "GET /api/v1/services/[slug]/route": {
    allowed: TOKENS_OF_A,
    path: () => `/api/v1/services/matrix-svc-${RUN}`,
    check: (json) => expect((json as { slug: string }).slug).toBe(`matrix-svc-${RUN}`),
  },
  "GET /api/v1/services/[slug]/assessments/route": {
    allowed: TOKENS_OF_A,
    path: () => `/api/v1/services/matrix-draft-${RUN}/assessments`,
    check: (json) => expect((json as { data: unknown[] }).data).toHaveLength(1),
  },
  "GET /api/v1/services/[slug]/drifts/route": {
    allowed: TOKENS_OF_A,
    path: () => `/api/v1/services/matrix-svc-${RUN}/drifts`,
    check: (json) => expect(json).toMatchObject({ service: `matrix-svc-${RUN}`, data: [] }),
  },
  "POST /api/v1/services/[slug]/evidence/route": {
    allowed: ["submitTokenOfA"],
    path: () => `/api/v1/services/matrix-svc-${RUN}/evidence`,
    body: (u, ids) => ({ source: "matrix", results: [{ itemId: ids.item, status: "met", summary: `matrix ${u}` }] }),
    status: 201,
    changed: async (u) => (await query("SELECT 1 FROM evidence WHERE summary = $1", [`matrix ${u}`])).length > 0,
  },
  // A tool's output, as a pipeline sends it: the body is the file (here SARIF from a secret scanner that found nothing).
  "POST /api/v1/services/[slug]/evidence/imports/route": {
    allowed: ["submitTokenOfA"],
    path: () => `/api/v1/services/matrix-svc-${RUN}/evidence/imports?name=gitleaks.sarif`,
    body: (u) => ({ version: "2.1.0", runs: [{ tool: { driver: { name: "gitleaks", version: `matrix ${u}` } }, results: [] }] }),
    status: 201,
    changed: async (u) => (await query("SELECT 1 FROM evidence_imports WHERE tools->0->>'version' = $1", [`matrix ${u}`])).length > 0,
  },
  "GET /api/v1/assessments/[id]/route": {
    allowed: TOKENS_OF_A,
    path: (ids) => `/api/v1/assessments/${ids.toReturn}`,
    check: (json) => expect((json as { items: unknown[] }).items.length).toBeGreaterThan(50),
  },
  // Exports are an auditor's right: "read" tokens only.
  "GET /api/v1/assessments/[id]/export/route": {
    allowed: ["readTokenOfA"],
    path: (ids) => `/api/v1/assessments/${ids.toReturn}/export?format=json`,
    check: (json) => expect((json as { items: unknown[] }).items.length).toBeGreaterThan(50),
  },
  // The catalogue sync spans teams: its own integration token, nobody else's (a preview here: it changes nothing).
  "POST /api/v1/catalog/route": {
    allowed: ["catalogToken"],
    path: () => "/api/v1/catalog",
    body: (u) => ({
      files: [
        {
          path: "catalog-info.yaml",
          content: `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: matrix-${u.replace(/[^a-z0-9]/g, "-")}\nspec:\n  type: team\n  children: []\n`,
        },
      ],
    }),
    check: (json) => expect((json as { applied: boolean }).applied).toBe(false),
  },
  "GET /api/v1/findings/route": {
    allowed: TEAM_TOKENS_OF_ANY_TEAM,
    path: () => `/api/v1/findings?status=all&service=matrix-svc-${RUN}`,
    check: (json, caller) => {
      const titles = (json as { data: { title: string }[] }).data.map((f) => f.title);
      expect(titles.includes("Matrix finding")).toBe(caller !== "tokenOfB");
    },
  },
};

// SCIM (/scim/v2): the identity provider's own integration token, nobody else's. Reads only here: the
// writes, with the sequences Okta and Entra ID send, are in tests/integration/scim.test.ts.
const SCIM_ROUTES: Record<string, { method: string; path: (ids: Ids) => string; body?: unknown }[]> = {
  "/scim/v2/Users/route": [
    { method: "GET", path: () => "/scim/v2/Users?count=5" },
    { method: "POST", path: () => "/scim/v2/Users", body: { userName: "matrix.scim@demo.test" } },
  ],
  "/scim/v2/Users/[id]/route": [
    { method: "GET", path: (ids) => `/scim/v2/Users/${ids.victim}` },
    {
      method: "PATCH",
      path: (ids) => `/scim/v2/Users/${ids.victim}`,
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active: true } }] },
    },
  ],
  "/scim/v2/Groups/route": [{ method: "GET", path: () => "/scim/v2/Groups" }],
  "/scim/v2/Groups/[id]/route": [{ method: "GET", path: () => "/scim/v2/Groups/00000000-0000-0000-0000-000000000000" }],
  "/scim/v2/ServiceProviderConfig/route": [{ method: "GET", path: () => "/scim/v2/ServiceProviderConfig" }],
  "/scim/v2/Schemas/route": [{ method: "GET", path: () => "/scim/v2/Schemas" }],
  "/scim/v2/ResourceTypes/route": [{ method: "GET", path: () => "/scim/v2/ResourceTypes" }],
};

const PUBLIC_ROUTES_BY_DESIGN: Record<string, string> = {
  "/api/v1/openapi.json/route": "the API's description: names what a token may do, reveals no record",
  "/api/auth/[...nextauth]/route": "Auth.js's own sign-in, callback and session endpoints; covered by auth.spec.ts and sso.spec.ts",
  "/api/health/live/route": "liveness for load balancers: says the process answers, nothing more; covered by operations.spec.ts",
  "/api/health/ready/route": "readiness for load balancers: says whether the database answers, nothing more; covered by operations.spec.ts",
  "/api/unsubscribe/route":
    "RFC 8058 one-click unsubscribe, posted by mail providers with no session: a signed token names one person and kinds, and it only turns their email off; covered by notifications.spec.ts",
};

// Actions that serve everyone by design, with why. They are still listed, so a
// new action cannot slip past the matrix unnoticed.
const PUBLIC_BY_DESIGN: Record<string, string> = {
  "app/sign-in/actions.ts#signInWithPassword": "signing in is what an anonymous visitor does; throttled and audited",
  "app/sign-in/actions.ts#signInWithSso": "only starts single sign-on: the issuer authenticates; covered by sso.spec.ts",
  "app/sign-in/actions.ts#signOutEverywhere": "ends the caller's own session only; covered by auth.spec.ts",
  "app/verify/actions.ts#verifyExportAction":
    "any signed-in user may check a file: it only reads, and names only exports of records the caller may read (tests/integration/assessment-pdf.test.ts)",
};

let VICTIM_HASH = "";
let PASSWORD = "";
let RUN = "";
const cookies = new Map<PrincipalName, string>();
const ids: Ids = {
  platform: "",
  platformUser: "",
  attestedItem: "",
  victim: "",
  grantee: "",
  team: "",
  spareTeam: "",
  service: "",
  startService: "",
  draft: "",
  completeDraft: "",
  toReturn: "",
  toApprove: "",
  item: "",
  carriedItem: "",
  finding: "",
  member: "",
  attachment: "",
  readableAttachment: "",
  auditorsExport: "",
  tokenToRevoke: "",
  evidence: "",
  integrationToken: "",
  ownerToUnmap: "",
  groupMapping: "",
  inbox: {},
  users: {},
  webhook: "",
  disabledWebhook: "",
  version: "",
  highFinding: "",
};

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  const run = (RUN = Date.now().toString(36));
  const password = (PASSWORD = `matrix-password-${run}`);
  const hash = await hashPassword(password);
  const team = async (slug: string) => (await query("SELECT id FROM teams WHERE slug = $1", [slug]))[0].id as string;
  const [payments, identity] = [await team("payments"), await team("identity")];
  const user = async (name: string, extra: (id: string) => Promise<unknown> = async () => {}) => {
    const [row] = await query("INSERT INTO users (email, name, password_hash, is_admin, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id", [
      `${name}.${run}@demo.test`,
      name,
      hash,
      name === "admin",
    ]);
    await extra(row.id);
    return { email: `${name}.${run}@demo.test`, id: row.id as string };
  };
  const member = (teamId: string, role: string) => (id: string) =>
    query("INSERT INTO memberships (user_id, team_id, role) VALUES ($1, $2, $3)", [id, teamId, role]);
  const grant = (days: number) => (id: string) =>
    query("INSERT INTO auditor_grants (user_id, expires_at) VALUES ($1, now() + make_interval(days => $2))", [id, days]);

  const members = {} as Record<(typeof MEMBER_OF_A)[TeamRole], { email: string; id: string }>;
  for (const role of teamRoles.values) members[MEMBER_OF_A[role]] = await user(`${role}-of-a`, member(payments, role));
  const principals: Record<Exclude<PrincipalName, "anonymous">, { email: string; id: string }> = {
    ...members,
    memberOfB: await user("outsider", member(identity, "lead")),
    orgAuditor: await user("org-auditor", grant(30)),
    expiredOrgAuditor: await user("expired-auditor", grant(-1)),
    disabledUser: await user("leaver"),
    admin: await user("admin"),
  };
  const victim = await user("victim");
  ids.victim = victim.id;
  ids.grantee = (await user("grantee", grant(30))).id;
  ids.member = principals.reviewerOfA.id;
  ids.team = payments;
  ids.spareTeam = (await query("INSERT INTO teams (name, slug, updated_at) VALUES ($1, $1, now()) RETURNING id", [`matrix-${run}`]))[0].id;
  await seedAssessments(run, payments);
  // Another team's platform (platforms are published to everyone), and a team A service on it.
  ids.platform = (
    await query(
      "INSERT INTO services (team_id, name, slug, platform_kind, platform_items, updated_at) VALUES ($1, $2, $2, 'Matrix platform', '{F01-REPO-ACCESS}', now()) RETURNING id",
      [identity, `matrix-platform-${run}`],
    )
  )[0].id;
  ids.platformUser = (
    await query("INSERT INTO services (team_id, name, slug, updated_at) VALUES ($1, $2, $2, now()) RETURNING id", [payments, `matrix-on-platform-${run}`])
  )[0].id;
  await query("INSERT INTO platform_uses (service_id, platform_id) VALUES ($1, $2)", [ids.platformUser, ids.platform]);
  // An answer team A's service owner gave on the blank draft, waiting for security.
  ids.attestedItem = (
    await query(
      "UPDATE responses SET status = 'met', attested_by_id = $2, attested_at = now() WHERE id = (SELECT id FROM responses WHERE assessment_id = $1 AND item_id LIKE 'F03-%' ORDER BY item_id LIMIT 1) RETURNING item_id",
      [ids.draft, principals.ownerOfA.id],
    )
  )[0].item_id;
  ids.auditorsExport = (
    await query(
      "INSERT INTO exports (kind, status, requested_by_id, team_id, file_name, size_bytes, sha256, content, progress, completed_at) VALUES ('portfolio_pdf', 'done', $1, $2, 'matrix-report.pdf', 11, encode(sha256('%PDF-matrix'::bytea), 'hex'), '%PDF-matrix'::bytea, 100, now()) RETURNING id",
      [principals.auditorOfA.id, payments],
    )
  )[0].id;
  ids.tokenToRevoke = (
    await query(
      "INSERT INTO api_tokens (name, prefix, token_hash, team_id, scope, created_by_id, expires_at) VALUES ('matrix revocable', 'tf_revoke', $1, $2, 'read', $3, now() + interval '30 days') RETURNING id",
      [hashApiToken(newApiToken()), payments, principals.leadOfA.id],
    )
  )[0].id;
  ids.evidence = (
    await query(
      "INSERT INTO evidence (service_id, item_id, status, summary, source) SELECT service_id, $2, 'met', 'matrix evidence', 'matrix' FROM assessments WHERE id = $1 RETURNING id",
      [ids.draft, ids.item],
    )
  )[0].id;
  // API tokens, one per kind of caller the API must tell apart.
  const token = async (name: ApiCallerName, teamId: string, scope: string, creator: string, extra = "") => {
    const value = newApiToken();
    await query(
      `INSERT INTO api_tokens (name, prefix, token_hash, team_id, scope, created_by_id, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5::api_token_scope, $6, ${extra === "expired" ? "now() - interval '1 minute'" : "now() + interval '30 days'"}, ${extra === "revoked" ? "now()" : "NULL"})`,
      [`matrix ${name}`, value.slice(0, 10), hashApiToken(value), teamId, scope, creator],
    );
    apiTokens.set(name, value);
  };
  await token("submitTokenOfA", payments, "submit_evidence", principals.leadOfA.id);
  await token("readTokenOfA", payments, "read", principals.leadOfA.id);
  await token("expiredTokenOfA", payments, "read", principals.leadOfA.id, "expired");
  await token("revokedTokenOfA", payments, "submit_evidence", principals.leadOfA.id, "revoked");
  await token("tokenOfB", identity, "submit_evidence", principals.memberOfB.id);
  // Made by someone who may not hold a token for the team (a reviewer): worth nothing.
  await token("tokenOfNonLead", payments, "submit_evidence", principals.reviewerOfA.id);
  const integration = async (name: ApiCallerName | "revocable", purpose: string) => {
    const value = newIntegrationToken();
    const [row] = await query(
      "INSERT INTO integration_tokens (name, prefix, token_hash, purpose, created_by_id, expires_at) VALUES ($1, $2, $3, $4::integration_purpose, $5, now() + interval '30 days') RETURNING id",
      [`matrix ${name}`, value.slice(0, 10), hashApiToken(value), purpose, principals.admin.id],
    );
    if (name !== "revocable") apiTokens.set(name, value);
    return row.id as string;
  };
  await integration("catalogToken", "catalog");
  await integration("scimToken", "scim");
  ids.integrationToken = await integration("revocable", "catalog");
  ids.ownerToUnmap = `group:default/matrix-unmap-${run}`;
  await query("INSERT INTO catalog_owners (owner_ref, team_id) VALUES ($1, $2)", [ids.ownerToUnmap, payments]);
  ids.groupMapping = (await query("INSERT INTO group_mappings (group_name, \"grant\") VALUES ('matrix-removable', 'admin') RETURNING id"))[0].id;
  await seedProgramme(principals, victim.id, identity);
  VICTIM_HASH = hash;
  for (const [name, { email }] of Object.entries(principals)) {
    cookies.set(name as PrincipalName, await signInOverHttp(baseURL!, email, password));
  }
  // Disabled after signing in: the session it still holds must count for nothing.
  await query("UPDATE users SET disabled_at = now() WHERE id = $1", [principals.disabledUser.id]);
  cookies.set("anonymous", "");
});

/** Notifications, webhooks and a four-eyes request of the matrix's own. */
async function seedProgramme(principals: Record<string, { id: string }>, requester: string, teamB: string) {
  const event = async (teamId: string, key: string) =>
    (
      await query(
        "INSERT INTO notification_events (kind, key, team_id, subject_type, subject_id, path, title, fanned_out_at) VALUES ('assessment.submitted', $1, $2, 'assessment', $3, $4, 'Matrix notification', now()) RETURNING id",
        [key, teamId, ids.toApprove, `/assessments/${ids.toApprove}`],
      )
    )[0].id as string;
  // Each person's own notification, about a team they may read (team B's member: team B).
  const [ofA, ofB] = [await event(ids.team, `matrix:${RUN}:a`), await event(teamB, `matrix:${RUN}:b`)];
  for (const [name, { id }] of Object.entries(principals)) {
    ids.users[name.toLowerCase()] = id;
    ids.inbox[name.toLowerCase()] = (
      await query("INSERT INTO notifications (event_id, user_id) VALUES ($1, $2) RETURNING id", [name === "memberOfB" ? ofB : ofA, id])
    )[0].id;
  }
  const webhook = async (name: string, disabled: boolean) =>
    (
      await query(
        "INSERT INTO webhook_endpoints (team_id, name, url, kinds, secret_sealed, disabled_at, disabled_reason) VALUES ($1, $2, 'http://127.0.0.1:9/matrix', '{assessment.submitted}', $5, $3, $4) RETURNING id",
        [ids.team, name, disabled ? new Date() : null, disabled ? "matrix" : null, sealSecret(newWebhookSecret())],
      )
    )[0].id as string;
  ids.webhook = await webhook(`matrix removable ${RUN}`, false);
  ids.disabledWebhook = await webhook(`matrix disabled ${RUN}`, true);
  ids.version = (await query("SELECT id FROM checklist_versions ORDER BY published_at DESC LIMIT 1"))[0].id;
  ids.highFinding = (
    await query("INSERT INTO findings (service_id, item_id, title, severity, updated_at) VALUES ($1, $2, 'Matrix high finding', 'high', now()) RETURNING id", [
      ids.service,
      ids.item,
    ])
  )[0].id;
  await query("INSERT INTO risk_acceptance_requests (finding_id, reason, expires_at, requested_by_id) VALUES ($1, 'matrix', now() + interval '30 days', $2)", [
    ids.highFinding,
    requester,
  ]);
}

/** The user a matrix call was made as: `unique` starts with the principal's name. */
const caller = (unique: string) => ids.users[unique.split(".")[0]!] ?? "00000000-0000-0000-0000-000000000000";

async function restoreRemovable(ids: Ids) {
  await query(
    "INSERT INTO attachments (id, response_id, file_name, content_type, size_bytes, sha256, content) SELECT $1, id, 'removable.txt', 'text/plain', 18, encode(sha256('removable evidence'::bytea), 'hex'), 'removable evidence'::bytea FROM responses WHERE assessment_id = $2 AND item_id = $3",
    [ids.attachment, ids.draft, ids.item],
  );
}

/** Team A records of the matrix's own, so that no other spec's journey is disturbed. */
async function seedAssessments(run: string, team: string) {
  const service = async (name: string) =>
    (await query("INSERT INTO services (team_id, name, slug, updated_at) VALUES ($1, $2, $2, now()) RETURNING id", [team, name]))[0].id as string;
  const [version] = await query("SELECT id, items FROM checklist_versions ORDER BY published_at DESC LIMIT 1");
  const itemIds = (version.items as { items: { id: string }[] }[]).flatMap((factor) => factor.items.map((item) => item.id));
  const assessment = async (name: string, state: string, answer: string) => {
    const [row] = await query(
      "INSERT INTO assessments (service_id, checklist_version_id, status, submitted_at, updated_at) VALUES ($1, $2, $3::assessment_status, CASE WHEN $3::text = 'in_review' THEN now() END, now()) RETURNING id",
      [await service(name), version.id, state],
    );
    // Answered rows are security's own answers, validated as given.
    await query(
      "INSERT INTO responses (assessment_id, item_id, status, validation, updated_at) SELECT $1, unnest($2::text[]), $3::response_status, CASE WHEN $3::text <> 'unanswered' THEN 'agreed'::validation END, now()",
      [row.id, itemIds, answer],
    );
    return row.id as string;
  };
  ids.service = await service(`matrix-svc-${run}`);
  ids.startService = await service(`matrix-start-${run}`);
  ids.draft = await assessment(`matrix-draft-${run}`, "draft", "unanswered");
  ids.completeDraft = await assessment(`matrix-complete-${run}`, "draft", "met");
  ids.toReturn = await assessment(`matrix-return-${run}`, "in_review", "met");
  ids.toApprove = await assessment(`matrix-approve-${run}`, "in_review", "met");
  ids.item = itemIds[0]!;
  ids.carriedItem = itemIds.at(-1)!;
  await query("UPDATE responses SET carried_over = true WHERE assessment_id = $1 AND item_id = $2", [ids.draft, ids.carriedItem]);
  ids.finding = (
    await query("INSERT INTO findings (service_id, item_id, title, severity, updated_at) VALUES ($1, $2, 'Matrix finding', 'medium', now()) RETURNING id", [
      ids.service,
      ids.item,
    ])
  )[0].id;
  const [response] = await query("SELECT id FROM responses WHERE assessment_id = $1 AND item_id = $2", [ids.draft, ids.item]);
  const attach = async (name: string, text: string) =>
    (
      await query(
        "INSERT INTO attachments (response_id, file_name, content_type, size_bytes, sha256, content) VALUES ($1, $2, 'text/plain', $3, encode(sha256($4::bytea), 'hex'), $4::bytea) RETURNING id",
        [response.id, name, Buffer.byteLength(text), Buffer.from(text)],
      )
    )[0].id as string;
  ids.attachment = await attach("removable.txt", "removable evidence");
  ids.readableAttachment = await attach("readable.txt", "readable evidence");
}

test.afterAll(async () => {
  await db?.end();
});

test("every server action in the build is in the matrix, and nothing else is", () => {
  const inBuild = [...actionsInBuild().keys()].sort();
  const listed = [...Object.keys(MATRIX), ...Object.keys(PUBLIC_BY_DESIGN)].sort();
  expect(inBuild, "add the new action to MATRIX in e2e/authorisation-matrix.spec.ts").toEqual(listed);
});

test("every route handler in the build is in the matrix, and nothing else is", () => {
  const inBuild = routesInBuild().sort();
  const apiRoutes = [...new Set(Object.keys(API).map((key) => key.split(" ")[1]!))];
  const listed = [...Object.keys(ROUTES), ...apiRoutes, ...Object.keys(SCIM_ROUTES), ...Object.keys(PUBLIC_ROUTES_BY_DESIGN)].sort();
  expect(inBuild, "add the new route handler to ROUTES in e2e/authorisation-matrix.spec.ts").toEqual(listed);
});

for (const [key, row] of Object.entries(API)) {
  const method = key.split(" ")[0]!;
  test.describe(key, () => {
    for (const caller of API_CALLERS) {
      const allowed = row.allowed.includes(caller);
      test(`${caller} is ${allowed ? "allowed" : "refused"}`, async ({ baseURL }) => {
        const unique = `${caller}.${Date.now().toString(36)}`.toLowerCase();
        const headers: Record<string, string> = { "Content-Type": "application/json" };
        if (caller === "sessionCookieOfLeadOfA") headers.cookie = cookies.get("leadOfA")!;
        else if (apiTokens.has(caller)) headers.authorization = `Bearer ${apiTokens.get(caller)}`;
        const response = await fetch(`${baseURL}${row.path(ids)}`, {
          method,
          redirect: "manual",
          headers,
          body: row.body ? JSON.stringify(row.body(unique, ids)) : undefined,
        });
        const json = (await response.json()) as { error?: { code: string; message: string } };
        if (allowed) {
          expect(response.status, JSON.stringify(json).slice(0, 300)).toBe(row.status ?? 200);
          row.check?.(json, caller);
          if (row.changed) expect(await row.changed(unique, ids)).toBe(true);
        } else {
          expect([401, 403, 404], `${response.status} ${JSON.stringify(json).slice(0, 200)}`).toContain(response.status);
          expect(Object.keys(json)).toEqual(["error"]);
          expect(json.error!.code).toMatch(/^(unauthorized|token_expired|token_revoked|forbidden|not_found)$/);
          if (row.changed) expect(await row.changed(unique, ids)).toBe(false);
        }
      });
    }
  });
}

for (const [route, calls] of Object.entries(SCIM_ROUTES)) {
  for (const call of calls) {
    test.describe(`${call.method} ${route}`, () => {
      for (const caller of API_CALLERS) {
        // The one POST creates a user once; a second call by the same token would be a 409 (still its own).
        const allowed = caller === "scimToken";
        test(`${caller} is ${allowed ? "allowed" : "refused"}`, async ({ baseURL }) => {
          const headers: Record<string, string> = { "Content-Type": "application/scim+json" };
          if (caller === "sessionCookieOfLeadOfA") headers.cookie = cookies.get("leadOfA")!;
          else if (apiTokens.has(caller)) headers.authorization = `Bearer ${apiTokens.get(caller)}`;
          const response = await fetch(`${baseURL}${call.path(ids)}`, {
            method: call.method,
            redirect: "manual",
            headers,
            body: call.body ? JSON.stringify(call.body) : undefined,
          });
          const json = (await response.json()) as { schemas?: string[]; status?: string };
          if (allowed) expect([200, 201, 404], JSON.stringify(json).slice(0, 300)).toContain(response.status);
          else {
            expect(response.status, JSON.stringify(json).slice(0, 200)).toBe(401);
            expect(json).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
          }
        });
      }
    });
  }
}

for (const [route, row] of Object.entries(ROUTES)) {
  test.describe(route, () => {
    for (const principal of PRINCIPALS) {
      const allowed = row.allowed.includes(principal);
      test(`${principal} is ${allowed ? "allowed" : "refused"}`, async ({ baseURL }) => {
        const method = row.method ?? "GET";
        const response = await fetch(`${baseURL}${row.path(ids)}`, {
          method,
          redirect: "manual",
          headers: { cookie: cookies.get(principal) ?? "", Origin: baseURL! },
        });
        if (allowed) {
          expect(response.status).toBe(200);
          await row.check(response, principal);
        } else {
          expect([307, 403, 404], `${response.status}`).toContain(response.status);
          expect(await response.text()).not.toContain("evidence");
        }
      });
    }
  });
}

for (const [action, row] of Object.entries(MATRIX)) {
  test.describe(action, () => {
    for (const principal of PRINCIPALS) {
      const allowed = row.allowed.includes(principal);
      test(`${principal} is ${allowed ? "allowed" : "refused"}`, async ({ baseURL }) => {
        const { id, path } = actionsInBuild().get(action)!;
        const unique = `${principal}.${Date.now().toString(36)}`.toLowerCase();
        const form = new FormData();
        for (const [key, value] of Object.entries(row.input(unique, ids))) form.set(key, value);
        const response = await fetch(`${baseURL}${path}`, {
          method: "POST",
          redirect: "manual",
          headers: { "Next-Action": id, Accept: "text/x-component", cookie: cookies.get(principal) ?? "", Origin: baseURL! },
          body: (await encodeReply([{ ok: false, message: null }, form])) as FormData,
        });
        const text = await response.text();
        if (allowed) {
          expect(response.status).toBe(200);
          expect(text).toContain('"ok":true');
          expect(await row.changed(unique, ids)).toBe(!row.readOnly);
        } else {
          // Turned away at the door (no session cookie) or by the action itself.
          const refused = response.status === 307 || text.includes(NOT_FOUND) || text.includes(FORBIDDEN);
          expect(refused, `${response.status} ${text.slice(0, 200)}`).toBe(true);
          expect(text).not.toContain('"ok":true');
          expect(await row.changed(unique, ids)).toBe(false);
        }
      });
    }
  });
}

test("the public sign-in action answers an anonymous caller, with the generic failure", async ({ baseURL }) => {
  const { id, path } = actionsInBuild().get("app/sign-in/actions.ts#signInWithPassword")!;
  const form = new FormData();
  form.set("email", "nobody@demo.test");
  form.set("password", "not the password");
  const response = await fetch(`${baseURL}${path}`, {
    method: "POST",
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseURL! },
    body: (await encodeReply([{ message: null }, form])) as FormData,
  });
  expect(await response.text()).toContain("Sign-in failed. Check your email and password");
});
