// Roles from identity-provider groups, applied at each SSO sign-in against
// Postgres: added and removed to match the groups, the stronger role winning
// in a team, org auditor access until the mapping's day, the admin flag, and
// roles given by hand never touched. Each change is an audit event.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<"admin", Principal>;
const context = { ipAddress: "192.0.2.10", userAgent: "groups-test" };
const NOW = new Date("2026-11-30T09:00:00Z");

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({ database: "twelvefold_group_roles", people: { admin: "admin@demo.test" } }));
  return () => prisma.$disconnect();
});

const team = async (slug: string) => (await prisma.team.findUniqueOrThrow({ where: { slug } })).id;

async function signIn(sub: string, email: string, groups: string[] | undefined) {
  const { signInWithOidc } = await import("@/lib/auth/oidc-sign-in");
  const profile = { sub, email, email_verified: true, name: email, ...(groups ? { groups } : {}) };
  const result = await signInWithOidc(prisma, profile, context, NOW, { groupsClaim: "groups" });
  expect(result.ok).toBe(true);
  return prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true, auditorGrants: true } });
}
const roles = (user: { memberships: { teamId: string; role: string; viaGroup: boolean }[] }) =>
  Object.fromEntries(user.memberships.map((m) => [m.teamId, `${m.role}${m.viaGroup ? " (group)" : ""}`]));

describe("groups to roles at SSO sign-in", () => {
  it("adds and removes mapped roles to match the groups, and leaves roles given by hand alone", async () => {
    const { createGroupMapping } = await import("@/lib/data/admin/group-mappings");
    const [payments, identity, platform] = [await team("payments"), await team("identity"), await team("platform")];
    await createGroupMapping(as.admin, { groupName: "pay-readers", grant: "team_role", teamId: payments, role: "auditor" }, context, NOW);
    await createGroupMapping(as.admin, { groupName: "pay-leads", grant: "team_role", teamId: payments, role: "lead" }, context, NOW);
    await createGroupMapping(as.admin, { groupName: "idp-reviewers", grant: "team_role", teamId: identity, role: "reviewer" }, context, NOW);
    await createGroupMapping(as.admin, { groupName: "plat", grant: "team_role", teamId: platform, role: "lead" }, context, NOW);
    await createGroupMapping(as.admin, { groupName: "auditors", grant: "org_auditor", untilOn: "2027-03-31" }, context, NOW);
    await createGroupMapping(as.admin, { groupName: "admins", grant: "admin" }, context, NOW);

    // A role an admin gave by hand in Platform before any sign-in.
    const first = await signIn("g-1", "gina@demo.test", []);
    await prisma.membership.create({ data: { userId: first.id, teamId: platform, role: "REVIEWER" } });

    const joined = await signIn("g-1", "gina@demo.test", ["pay-readers", "pay-leads", "idp-reviewers", "plat", "auditors", "admins", "unmapped"]);
    expect(roles(joined)).toEqual({ [payments]: "LEAD (group)", [identity]: "REVIEWER (group)", [platform]: "REVIEWER" });
    expect(joined.isAdmin).toBe(true);
    expect(joined.auditorGrants.filter((g) => !g.revokedAt).map((g) => g.expiresAt.toISOString())).toEqual(["2027-03-31T23:59:59.999Z"]);
    const events = await prisma.auditEvent.findMany({
      where: { targetId: joined.id, action: { in: ["membership.changed", "auditor_grant.created", "user.admin_changed"] } },
    });
    expect(events).toHaveLength(4);

    // Nothing changed: nothing written.
    const again = await signIn("g-1", "gina@demo.test", ["pay-readers", "pay-leads", "idp-reviewers", "plat", "auditors", "admins"]);
    expect(
      await prisma.auditEvent.count({ where: { targetId: again.id, action: { in: ["membership.changed", "auditor_grant.created", "user.admin_changed"] } } }),
    ).toBe(4);

    // Left the lead group: the reader group's role remains. Left the rest: all mapped access goes, the hand-made role stays.
    const fewer = await signIn("g-1", "gina@demo.test", ["pay-readers"]);
    expect(roles(fewer)).toEqual({ [payments]: "AUDITOR (group)", [platform]: "REVIEWER" });
    expect(fewer.isAdmin).toBe(false);
    expect(fewer.auditorGrants.every((g) => g.revokedAt)).toBe(true);
  });

  it("changes nothing when the issuer sends no groups claim at all", async () => {
    const { createGroupMapping } = await import("@/lib/data/admin/group-mappings");
    await createGroupMapping(as.admin, { groupName: "steady", grant: "team_role", teamId: await team("identity"), role: "auditor" }, context, NOW);
    const held = await signIn("g-2", "stan@demo.test", ["steady"]);
    expect(held.memberships).toHaveLength(1);
    const absent = await signIn("g-2", "stan@demo.test", undefined);
    expect(absent.memberships).toHaveLength(1);
    const empty = await signIn("g-2", "stan@demo.test", []);
    expect(empty.memberships).toHaveLength(0);
  });

  it("applies a mapping added or removed at once to the members the identity provider last named", async () => {
    const { createGroupMapping, removeGroupMapping, listGroupMappings } = await import("@/lib/data/admin/group-mappings");
    const member = await signIn("g-3", "mia@demo.test", ["break-glass"]);
    expect(member.isAdmin).toBe(false);
    // Mapped after she signed in: she is an admin now, without signing in again.
    expect(await createGroupMapping(as.admin, { groupName: "break-glass", grant: "admin" }, context, NOW)).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).isAdmin).toBe(true);
    // Removed: she is not, at once, and her session's next request sees it.
    const mapping = (await listGroupMappings(as.admin)).find((m) => m.groupName === "break-glass")!;
    expect(await removeGroupMapping(as.admin, mapping.id, context, NOW)).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).isAdmin).toBe(false);
    const events = await prisma.auditEvent.findMany({ where: { action: "user.admin_changed", targetId: member.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => (e.after as { isAdmin: boolean; via: string }).via)).toEqual(["mapping", "mapping"]);
  });

  it("never takes the admin flag from an admin made by hand", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
    const after = await signIn("g-admin", admin.email, ["nothing-mapped"]);
    expect(after.isAdmin).toBe(true);
  });

  it("reads a groups claim as the issuers send it: a list or one name, storable, without duplicates", async () => {
    const { groupsFromClaim } = await import("@/lib/auth/oidc-sign-in");
    expect(groupsFromClaim({ groups: ["a", "a", " b ", "", 7, "c\u0000d"] }, "groups")).toEqual(["a", "b", "cd"]);
    expect(groupsFromClaim({ roles: "admins" }, "roles")).toEqual(["admins"]);
    expect(groupsFromClaim({}, "groups")).toBeNull();
  });
});
