// Team administration and a user's own password change, in the data layer:
// refused to the wrong caller whoever calls it, audited in the transaction.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import { createSession, newSessionSecret, principalForSession } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import type { PrismaClient } from "@/lib/db/client";
import { principalOf, seededDemo } from "./principals";

const PASSWORD = "teams-account-password";
let url: string;
let prisma: PrismaClient;
let as: Record<string, Principal>;
const context = (sessionSecret: string | null = null) => ({ ipAddress: "198.51.100.7", userAgent: "test", sessionSecret });

beforeAll(async () => {
  ({ url, prisma, as } = await seededDemo({
    database: "twelvefold_teams_account",
    password: PASSWORD,
    people: { admin: "admin@demo.test", lead: "lead@demo.test", auditor: "auditor@demo.test", reviewer: "reviewer@demo.test" },
  }));
  return () => prisma.$disconnect();
});

describe("teams", () => {
  const teams = () => import("@/lib/data/admin/manage-teams");

  it("are created and renamed by admins only, keeping slug and services", async () => {
    const { createTeam, updateTeam } = await teams();
    for (const role of ["lead", "auditor", "reviewer"]) {
      await expect(createTeam(as[role]!, { name: `Rogue ${role}`, description: "" })).rejects.toThrow("not found");
    }
    expect(await prisma.team.count({ where: { name: { startsWith: "Rogue" } } })).toBe(0);

    const created = await createTeam(as.admin!, { name: "Data & Analytics", description: "Warehouse and BI." });
    expect(created.slug).toBe("data-analytics");
    await expect(createTeam(as.admin!, { name: "data & analytics", description: "" })).rejects.toThrow("already exists");
    await expect(updateTeam(as.lead!, { teamId: created.id, name: "Hijacked", description: "" })).rejects.toThrow("not found");

    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" }, include: { _count: { select: { services: true } } } });
    await updateTeam(as.admin!, { teamId: payments.id, name: "Payments & Billing", description: payments.description });
    const renamed = await prisma.team.findUniqueOrThrow({ where: { id: payments.id }, include: { _count: { select: { services: true } } } });
    expect([renamed.name, renamed.slug, renamed._count.services]).toEqual(["Payments & Billing", "payments", payments._count.services]);
    await expect(updateTeam(as.admin!, { teamId: payments.id, name: "Identity", description: "" })).rejects.toThrow("already exists");

    const events = await prisma.auditEvent.findMany({ where: { targetType: "team" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.teamId, e.before, e.after])).toEqual([
      ["team.created", created.id, null, { name: "Data & Analytics", slug: "data-analytics", description: "Warehouse and BI." }],
      ["team.updated", payments.id, { name: "Payments", description: payments.description }, { name: "Payments & Billing", description: payments.description }],
    ]);
  });

  it("lists teams with head counts by role, for admins only", async () => {
    const { listTeams } = await import("@/lib/data/admin/list-teams");
    await expect(listTeams(as.lead!)).rejects.toThrow("not found");
    const identity = (await listTeams(as.admin!)).find((t) => t.slug === "identity")!;
    expect(identity.members).toEqual({ lead: 1, reviewer: 2, auditor: 0, owner: 0 });
    expect(identity.services).toBe(await prisma.service.count({ where: { team: { slug: "identity" }, archivedAt: null } }));
  });
});

describe("changing one's own password", () => {
  const account = () => import("@/lib/data/account/change-password");

  it("needs the current password, counts a wrong one as a failed sign-in, and audits both", async () => {
    const { changeOwnPassword, CURRENT_PASSWORD_REFUSED } = await account();
    const before = await prisma.signInAttempt.count({ where: { email: "reviewer@demo.test", succeeded: false } });
    await expect(changeOwnPassword(as.reviewer!, { currentPassword: "not my password", newPassword: "a brand new passphrase" }, context())).rejects.toThrow(
      CURRENT_PASSWORD_REFUSED,
    );
    expect(await prisma.signInAttempt.count({ where: { email: "reviewer@demo.test", succeeded: false } })).toBe(before + 1);
    const refused = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.password_change_failed", actorId: as.reviewer!.userId } });
    expect([refused.after, refused.ipAddress]).toEqual([{ reason: "wrong_password" }, "198.51.100.7"]);
    const signIn = await attemptSignIn(prisma, { email: "reviewer@demo.test", password: PASSWORD }, { ipAddress: null, userAgent: null });
    expect(signIn.ok).toBe(true);
  });

  it("refuses a new password equal to the current one or to the email", async () => {
    const { changeOwnPassword } = await account();
    await expect(changeOwnPassword(as.lead!, { currentPassword: PASSWORD, newPassword: PASSWORD }, context())).rejects.toThrow("not using now");
    await expect(changeOwnPassword(as.lead!, { currentPassword: PASSWORD, newPassword: "LEAD@demo.test" }, context())).rejects.toThrow("email");
  });

  it("replaces the password, keeps the session that asked and ends every other one", async () => {
    const { changeOwnPassword } = await account();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@demo.test" } });
    const [here, elsewhere] = [newSessionSecret(), newSessionSecret()];
    for (const secret of [here, elsewhere]) await createSession(prisma, { userId: user.id, secret, ipAddress: null, userAgent: null, now: new Date() });
    await changeOwnPassword(as.auditor!, { currentPassword: PASSWORD, newPassword: "correct horse battery staple" }, context(here));
    expect(await principalForSession(prisma, here)).not.toBeNull();
    expect(await principalForSession(prisma, elsewhere)).toBeNull();
    const ok = (password: string) => attemptSignIn(prisma, { email: "auditor@demo.test", password }, { ipAddress: null, userAgent: null }).then((r) => r.ok);
    expect(await ok(PASSWORD)).toBe(false);
    expect(await ok("correct horse battery staple")).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.password_changed", actorId: user.id } });
    expect(event.category).toBe("SECURITY");
    expect(JSON.stringify(event.after)).not.toContain("staple");
  });

  it("tells a single-sign-on user there is no password to change", async () => {
    const { changeOwnPassword } = await account();
    const sso = await prisma.user.create({ data: { email: "sso-only@demo.test", name: "SSO Only" } });
    const principal = await principalOf(url, sso.id);
    await expect(changeOwnPassword(principal, { currentPassword: "x", newPassword: "whatever it is now" }, context())).rejects.toThrow("single sign-on");
  });
});
