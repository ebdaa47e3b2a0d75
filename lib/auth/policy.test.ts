import { describe, expect, it } from "vitest";
import { auditScope, can, ORG_ACTIONS, readScope, TEAM_ACTIONS, type Action, type Principal } from "./policy";

const NOW = new Date("2026-11-22T12:00:00Z");
const TEAM_A = "team-a";
const TEAM_B = "team-b";

const base = { email: "x@example.com", name: "X", isAdmin: false, memberships: [], orgAuditorUntil: null };
const PRINCIPALS: Record<string, Principal | null> = {
  anonymous: null,
  reviewerA: { ...base, userId: "r", memberships: [{ teamId: TEAM_A, role: "reviewer" }] },
  leadA: { ...base, userId: "l", memberships: [{ teamId: TEAM_A, role: "lead" }] },
  auditorA: { ...base, userId: "a", memberships: [{ teamId: TEAM_A, role: "auditor" }] },
  ownerA: { ...base, userId: "w", memberships: [{ teamId: TEAM_A, role: "owner" }] },
  memberB: { ...base, userId: "b", memberships: [{ teamId: TEAM_B, role: "lead" }] },
  orgAuditor: { ...base, userId: "o", orgAuditorUntil: new Date("2027-01-01T00:00:00Z") },
  expiredAuditor: { ...base, userId: "e", orgAuditorUntil: new Date("2026-11-22T11:59:59Z") },
  admin: { ...base, userId: "ad", isAdmin: true },
  catalogToken: { ...base, userId: "ad", integration: { id: "t", name: "Backstage", prefix: "tfi_x", purpose: "catalog" } },
  scimToken: { ...base, userId: "ad", integration: { id: "s", name: "Okta", prefix: "tfi_y", purpose: "scim" } },
};

// Allowed cells only; every other (principal, action) pair must be refused.
const ALLOWED_ON_TEAM_A: Record<string, readonly Action[]> = {
  anonymous: [],
  // prettier-ignore
  reviewerA: ["team.read", "service.create", "service.update", "assessment.edit", "assessment.attest", "assessment.validate", "assessment.submit",
    "finding.comment"],
  // An owner answers and comments; never validates, submits, approves or manages findings.
  ownerA: ["team.read", "assessment.attest", "finding.comment"],
  // prettier-ignore
  leadA: ["team.read", "service.create", "service.update", "assessment.approve", "finding.manage", "finding.acceptRisk", "finding.comment",
    "export.create", "team.audit.read", "token.manage", "webhook.manage"],
  auditorA: ["team.read", "export.create", "team.audit.read"],
  memberB: [],
  orgAuditor: ["team.read", "export.create", "team.audit.read"],
  expiredAuditor: [],
  admin: ["team.read", "export.create", "team.audit.read", "token.manage", "webhook.manage"],
  catalogToken: [],
  scimToken: [],
};
const ALLOWED_ON_ORG: Record<string, readonly Action[]> = {
  anonymous: [],
  reviewerA: [],
  leadA: [],
  auditorA: [],
  ownerA: [],
  memberB: [],
  orgAuditor: ["org.read", "audit.read"],
  expiredAuditor: [],
  admin: ["org.read", "audit.read", "admin.manage", "catalog.sync"],
  // An integration token's one job, and nothing else; SCIM is done by the identity provider's token alone.
  catalogToken: ["catalog.sync"],
  scimToken: ["scim.provision"],
};

describe("policy: every principal against every action", () => {
  const actions: Action[] = [...TEAM_ACTIONS, ...ORG_ACTIONS];
  for (const [name, principal] of Object.entries(PRINCIPALS)) {
    for (const action of actions) {
      const onTeam = ALLOWED_ON_TEAM_A[name]!.includes(action);
      it(`${name} ${onTeam ? "may" : "may not"} ${action} on team A`, () => {
        expect(can(principal, action, { teamId: TEAM_A }, NOW)).toBe(onTeam);
      });
      const onOrg = ALLOWED_ON_ORG[name]!.includes(action);
      it(`${name} ${onOrg ? "may" : "may not"} ${action} on the organisation`, () => {
        expect(can(principal, action, "org", NOW)).toBe(onOrg);
      });
    }
  }
});

describe("policy: defaults", () => {
  it("refuses an unknown action, even to an admin", () => {
    expect(can(PRINCIPALS.admin!, "service.delete" as Action, { teamId: TEAM_A }, NOW)).toBe(false);
    expect(can(PRINCIPALS.admin!, "users.drop" as Action, "org", NOW)).toBe(false);
  });

  it("refuses a team action to a member of another team with the same role", () => {
    expect(can(PRINCIPALS.memberB!, "finding.manage", { teamId: TEAM_B }, NOW)).toBe(true);
    expect(can(PRINCIPALS.memberB!, "finding.manage", { teamId: TEAM_A }, NOW)).toBe(false);
  });

  it("ends an auditor grant at its expiry, by itself", () => {
    const grant = PRINCIPALS.orgAuditor!;
    expect(can(grant, "team.read", { teamId: TEAM_A }, new Date("2026-12-31T23:59:59Z"))).toBe(true);
    expect(can(grant, "team.read", { teamId: TEAM_A }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("readScope", () => {
  it("is empty for nobody, the member's teams for members, everything for org readers", () => {
    expect(readScope(null, NOW)).toEqual({ kind: "teams", teamIds: [] });
    expect(readScope(PRINCIPALS.reviewerA!, NOW)).toEqual({ kind: "teams", teamIds: [TEAM_A] });
    expect(readScope(PRINCIPALS.expiredAuditor!, NOW)).toEqual({ kind: "teams", teamIds: [] });
    expect(readScope(PRINCIPALS.orgAuditor!, NOW)).toEqual({ kind: "org" });
    expect(readScope(PRINCIPALS.admin!, NOW)).toEqual({ kind: "org" });
  });
});

describe("auditScope", () => {
  it("is everything for org readers, the lead's and auditor's teams otherwise, and nothing for reviewers", () => {
    expect(auditScope(null, NOW)).toEqual({ kind: "teams", teamIds: [] });
    expect(auditScope(PRINCIPALS.admin!, NOW)).toEqual({ kind: "org" });
    expect(auditScope(PRINCIPALS.orgAuditor!, NOW)).toEqual({ kind: "org" });
    expect(auditScope(PRINCIPALS.expiredAuditor!, NOW)).toEqual({ kind: "teams", teamIds: [] });
    expect(auditScope(PRINCIPALS.leadA!, NOW)).toEqual({ kind: "teams", teamIds: [TEAM_A] });
    expect(auditScope(PRINCIPALS.auditorA!, NOW)).toEqual({ kind: "teams", teamIds: [TEAM_A] });
    expect(auditScope(PRINCIPALS.reviewerA!, NOW)).toEqual({ kind: "teams", teamIds: [] });
  });
});
