// Browsing the audit trail: scoped to what the principal may see, filtered,
// and paged by keyset without gaps or repeats.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import { attemptSignIn } from "@/lib/auth/sign-in";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<string, Principal>;
const trail = () => import("@/lib/data/audit/list-audit-events");
const parse = async (filter: Record<string, string>) => (await trail()).auditFilterSchema.parse(filter);

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_audit_trail",
    people: {
      admin: "admin@demo.test",
      lead: "lead@demo.test",
      orgAuditor: "auditor@demo.test",
      reviewer: "reviewer@demo.test",
      identityLead: "tomas.reyes@demo.test",
    },
  }));
  // Events of three kinds: one per team (role changes), and org-only sign-ins.
  const { setMembership } = await import("@/lib/data/admin/manage-access");
  const maya = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@demo.test" } });
  for (const slug of ["payments", "identity"]) {
    const team = await prisma.team.findUniqueOrThrow({ where: { slug } });
    await setMembership(as.admin!, { userId: maya.id, teamId: team.id, role: "auditor" });
  }
  for (let i = 0; i < 60; i++) {
    await attemptSignIn(prisma, { email: `stranger${i}@demo.test`, password: "wrong password here" }, { ipAddress: "203.0.113.9", userAgent: "test" });
  }
  return () => prisma.$disconnect();
});

describe("who sees which events", () => {
  it("shows admins and org auditors everything, including sign-ins", async () => {
    const { listAuditEvents } = await trail();
    for (const who of ["admin", "orgAuditor"]) {
      const page = await listAuditEvents(as[who]!, await parse({ action: "auth.sign_in_failed" }));
      expect(page.events).toHaveLength(50);
    }
  });

  it("shows a lead only the events of the teams they lead, never org-wide ones", async () => {
    const { listAuditEvents } = await trail();
    const page = await listAuditEvents(as.lead!, await parse({}));
    expect(page.events.length).toBeGreaterThan(0);
    expect(new Set(page.events.map((e) => e.team))).toEqual(new Set(["Payments"]));
    const identity = await listAuditEvents(as.identityLead!, await parse({}));
    expect(new Set(identity.events.map((e) => e.team))).toEqual(new Set(["Identity"]));
    // Asking for another team's events by its id returns nothing, not an error.
    const other = await prisma.team.findUniqueOrThrow({ where: { slug: "identity" } });
    expect((await listAuditEvents(as.lead!, await parse({ team: other.id }))).events).toEqual([]);
  });

  it("shows a reviewer nothing at all", async () => {
    const { listAuditEvents, listAuditFacets } = await trail();
    expect((await listAuditEvents(as.reviewer!, await parse({}))).events).toEqual([]);
    expect(await listAuditFacets(as.reviewer!)).toEqual({ teams: [], actions: [] });
  });
});

describe("filters", () => {
  it("narrows by actor, action prefix, target, category and dates", async () => {
    const { listAuditEvents } = await trail();
    const byActor = await listAuditEvents(as.admin!, await parse({ actor: "STRANGER7@" }));
    expect(byActor.events.map((e) => e.actor)).toEqual(["stranger7@demo.test"]);
    const membership = await listAuditEvents(as.admin!, await parse({ action: "membership.", category: "security" }));
    expect(membership.events.map((e) => e.team).sort()).toEqual(["Identity", "Payments"]);
    const maya = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@demo.test" } });
    const target = await listAuditEvents(as.admin!, await parse({ target: maya.id }));
    expect(target.events).toHaveLength(2);
    const past = await listAuditEvents(as.admin!, await parse({ from: "2020-01-01", to: "2020-12-31" }));
    expect(past.events).toEqual([]);
    // The day the membership changes were recorded on, read back rather than taken from the clock.
    const today = (await prisma.auditEvent.findFirstOrThrow({ where: { action: { startsWith: "membership." } }, orderBy: { id: "desc" } })).occurredAt
      .toISOString()
      .slice(0, 10);
    expect((await listAuditEvents(as.admin!, await parse({ from: today, to: today, action: "membership." }))).events).toHaveLength(2);
  });

  it("refuses malformed filters with a message per field", async () => {
    const { auditFilterSchema } = await trail();
    const result = auditFilterSchema.safeParse({ from: "2026-13-01", to: "yesterday", before: "1; DROP TABLE", team: "x" });
    expect(result.success).toBe(false);
    expect(new Set(result.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["from", "to", "before", "team"]));
    const reversed = auditFilterSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" });
    expect(reversed.error?.issues[0]?.message).toBe("The start date is after the end date.");
  });
});

describe("paging", () => {
  it("walks every matching event once, newest first, and back again", async () => {
    const { listAuditEvents } = await trail();
    const filter = { action: "auth.sign_in_failed" };
    const total = await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed" } });
    const seen: string[] = [];
    const pages = [];
    let page = await listAuditEvents(as.admin!, await parse(filter));
    expect(page.newer).toBeNull();
    for (;;) {
      pages.push(page);
      seen.push(...page.events.map((e) => e.id));
      if (!page.older) break;
      page = await listAuditEvents(as.admin!, await parse({ ...filter, before: page.older }));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.map(BigInt)).toEqual([...seen.map(BigInt)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    const last = pages.at(-1)!;
    expect(last.newer).not.toBeNull();
    const back = await listAuditEvents(as.admin!, await parse({ ...filter, after: last.newer! }));
    expect(back.events.map((e) => e.id)).toEqual(pages.at(-2)!.events.map((e) => e.id));
  });
});
