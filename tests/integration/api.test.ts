// The API's own rules, through the real route handlers' parts and Postgres:
// tokens are refused once expired, revoked or orphaned; each token is limited
// per minute; evidence becomes a suggestion in the draft, which a reviewer
// accepts or overrides, and the record says which answers a machine suggested
// and who confirmed them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<"lead" | "reviewer" | "admin", Principal>;
const context = { ipAddress: "192.0.2.7", userAgent: "api-test" };

const call = (token: string | null, path = "/api/v1/services") =>
  new Request(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_api",
    people: { lead: "lead@demo.test", reviewer: "reviewer@demo.test", admin: "admin@demo.test" },
  }));
  return () => prisma.$disconnect();
});

describe("API tokens", () => {
  it("work until revoked or expired, act as their team and role only, and record every use", async () => {
    const { createToken, revokeToken } = await import("@/lib/data/api/tokens");
    const { authenticateApiRequest } = await import("@/lib/api/authenticate");
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const created = await createToken(as.lead, { teamId: payments.id, name: "ci", scope: "read", expiresInDays: 30 }, context);
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).not.toContain(created.token.slice(3));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const caller = await authenticateApiRequest(call(created.token), context);
    expect(caller.principal.memberships).toEqual([{ teamId: payments.id, role: "auditor" }]);
    expect(caller.principal.isAdmin).toBe(false);
    expect(await prisma.auditEvent.count({ where: { action: "api.request", targetId: created.id } })).toBe(1);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedIp).toBe("192.0.2.7");

    // A reviewer may not create tokens; the lead of another team may not revoke this one.
    await expect(createToken(as.reviewer, { teamId: payments.id, name: "x", scope: "read", expiresInDays: 30 }, context)).rejects.toThrow("forbidden");
    await revokeToken(as.lead, { tokenId: created.id }, context);
    await expect(authenticateApiRequest(call(created.token), context)).rejects.toMatchObject({ code: "token_revoked" });

    const expired = await createToken(
      as.admin,
      { teamId: payments.id, name: "old", scope: "read", expiresInDays: 7 },
      context,
      new Date(Date.now() - 8 * 86_400_000),
    );
    await expect(authenticateApiRequest(call(expired.token), context)).rejects.toMatchObject({ code: "token_expired" });
    await expect(authenticateApiRequest(call(null), context)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(authenticateApiRequest(call(`tf_${"A".repeat(43)}`), context)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await prisma.auditEvent.count({ where: { action: "api.refused" } })).toBe(4);
  });

  it("stop working when their creator loses the right to hold them", async () => {
    const { createToken } = await import("@/lib/data/api/tokens");
    const { authenticateApiRequest } = await import("@/lib/api/authenticate");
    const identity = await prisma.team.findUniqueOrThrow({ where: { slug: "identity" } });
    const tomas = await prisma.user.findUniqueOrThrow({ where: { email: "tomas.reyes@demo.test" }, include: { memberships: true } });
    const { principalOf } = await import("./principals");
    const lead = await principalOf(process.env.DATABASE_URL!, tomas.id);
    const { token } = await createToken(lead, { teamId: identity.id, name: "scanner", scope: "submit_evidence", expiresInDays: 30 }, context);
    await expect(authenticateApiRequest(call(token), context)).resolves.toBeTruthy();
    await prisma.membership.updateMany({ where: { userId: tomas.id, teamId: identity.id }, data: { role: "REVIEWER" } });
    await expect(authenticateApiRequest(call(token), context)).rejects.toMatchObject({ code: "unauthorized" });
    await prisma.membership.updateMany({ where: { userId: tomas.id, teamId: identity.id }, data: { role: "LEAD" } });
  });

  it("are limited per minute across every instance (the count is in Postgres)", { timeout: 60_000 }, async () => {
    const { createToken } = await import("@/lib/data/api/tokens");
    const { authenticateApiRequest } = await import("@/lib/api/authenticate");
    const { getEnv } = await import("@/lib/env");
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const { token } = await createToken(as.lead, { teamId: payments.id, name: "busy", scope: "read", expiresInDays: 30 }, context);
    const limit = getEnv().API_RATE_LIMIT_PER_MINUTE;
    // All inside one minute window, so the outcome does not depend on the clock.
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
    const outcomes = await Promise.allSettled(Array.from({ length: limit + 5 }, () => authenticateApiRequest(call(token), context, now)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(limit);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.reason).toMatchObject({
        code: "rate_limited",
        headers: {
          "Retry-After": "59",
          "RateLimit-Limit": String(limit),
          "RateLimit-Remaining": "0",
          "RateLimit-Reset": "59",
          "RateLimit-Policy": `${limit};w=60`,
        },
      });
    }
  });
});

describe("the API's answers", () => {
  const route = { params: Promise.resolve({}) };

  it("say how to authenticate on a 401, and carry the token's rate limit on every answer", async () => {
    const { GET } = await import("@/app/api/v1/findings/route");
    const { createToken, revokeToken } = await import("@/lib/data/api/tokens");
    const anonymous = await GET(call(null, "/api/v1/findings"), route);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="twelvefold"');
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const created = await createToken(as.lead, { teamId: payments.id, name: "headers", scope: "read", expiresInDays: 30 }, context);
    const ok = await GET(call(created.token, "/api/v1/findings"), route);
    expect(ok.status).toBe(200);
    expect(Number(ok.headers.get("ratelimit-remaining"))).toBeLessThan(Number(ok.headers.get("ratelimit-limit")));
    expect(ok.headers.get("ratelimit-policy")).toMatch(/^\d+;w=60$/);
    await revokeToken(as.lead, { tokenId: created.id }, context);
    const revoked = await GET(call(created.token, "/api/v1/findings"), route);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("page findings by pageSize, and refuse paging that is not a whole number in range with 422", async () => {
    const { GET } = await import("@/app/api/v1/findings/route");
    const { createToken } = await import("@/lib/data/api/tokens");
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const { token } = await createToken(as.lead, { teamId: payments.id, name: "paging", scope: "read", expiresInDays: 30 }, context);
    const page = async (query: string) => {
      const response = await GET(call(token, `/api/v1/findings?status=all&${query}`), route);
      return {
        status: response.status,
        body: (await response.json()) as { data: { id: string }[]; pagination: { page: number; pageSize: number; total: number; pages: number } },
      };
    };
    const first = await page("pageSize=7");
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(7);
    expect(first.body.pagination).toMatchObject({ page: 1, pageSize: 7, pages: Math.ceil(first.body.pagination.total / 7) });
    const second = await page("pageSize=7&page=2");
    expect(second.body.data.map((f) => f.id)).not.toContain(first.body.data[0]!.id);
    for (const bad of ["page=abc", "page=0", "page=1.5", "pageSize=0", "pageSize=101", "pageSize=x"]) {
      const refused = await page(bad);
      expect(refused.status, bad).toBe(422);
      expect((refused.body as unknown as { error: { code: string } }).error.code).toBe("validation_failed");
    }
  });
});

describe("evidence and suggestions", () => {
  it("become suggestions in the draft; accepted and overridden ones are recorded with who decided", async () => {
    const { submitEvidence } = await import("@/lib/data/evidence/submit-evidence");
    const { getAssessment } = await import("@/lib/data/assessments/get-assessment");
    const { decideSuggestion } = await import("@/lib/data/assessments/decide-suggestion");
    const { saveResponse } = await import("@/lib/data/assessments/save-response");
    const draft = await prisma.assessment.findFirstOrThrow({ where: { status: "DRAFT" }, include: { service: true, responses: true } });
    const [first, second] = ["F03-NO-SECRETS-IN-CODE", "F02-DECLARED-LOCKED"];
    // The second item starts unanswered, so that overriding has to wait for the reviewer's own answer.
    await prisma.response.updateMany({
      where: { assessmentId: draft.id, itemId: second },
      data: { status: "UNANSWERED", justification: "", carriedOver: false },
    });
    const submitted = await submitEvidence(
      as.reviewer,
      {
        serviceSlug: draft.service.slug,
        source: "twelvefold-scan 1.0.0",
        results: [
          {
            itemId: first!,
            status: "not_met",
            summary: "A .env file is committed.",
            observations: [{ file: ".env", line: 1, message: "DATABASE_PASSWORD=…" }],
          },
          {
            itemId: second!,
            status: "met",
            summary: "package-lock.json is committed.",
            observations: [{ file: "package-lock.json", line: null, message: "lockfile" }],
          },
        ],
      },
      context,
    );
    expect(submitted).toEqual({ service: draft.service.slug, accepted: 2, assessmentUnderWay: draft.id, drifted: [], currentScore: null });
    await expect(
      submitEvidence(
        as.reviewer,
        { serviceSlug: draft.service.slug, source: "x", results: [{ itemId: "F99-NOPE", status: "met", summary: "?", observations: [] }] },
        context,
      ),
    ).rejects.toThrow("Unknown checklist items");

    let view = await getAssessment(as.reviewer, draft.id);
    expect(Object.keys(view.pendingSuggestions).sort()).toEqual([second, first].sort());
    expect(view.pendingSuggestions[first!]).toMatchObject({ status: "not_met", source: "twelvefold-scan 1.0.0", observations: [{ file: ".env", line: 1 }] });

    // Accept the first; for the second, answer first, then keep that answer.
    await decideSuggestion(as.reviewer, {
      assessmentId: draft.id,
      itemId: first!,
      evidenceId: view.pendingSuggestions[first!]!.evidenceId,
      decision: "accept",
    });
    const before = view.responses[second!]!;
    await expect(
      decideSuggestion(as.reviewer, {
        assessmentId: draft.id,
        itemId: second!,
        evidenceId: view.pendingSuggestions[second!]!.evidenceId,
        decision: "override",
      }),
    ).rejects.toThrow("Give your own answer first");
    await saveResponse(as.reviewer, {
      assessmentId: draft.id,
      itemId: second!,
      baseVersion: before.version,
      values: { status: "partially_met", justification: "Only the API has a lockfile.", notes: "", evidenceLinks: [] },
    });
    await decideSuggestion(as.reviewer, {
      assessmentId: draft.id,
      itemId: second!,
      evidenceId: view.pendingSuggestions[second!]!.evidenceId,
      decision: "override",
    });

    view = await getAssessment(as.reviewer, draft.id);
    expect(view.pendingSuggestions).toEqual({});
    expect(view.responses[first!]).toMatchObject({
      status: "not_met",
      suggestion: { outcome: "accepted", decidedBy: "Riley Reviewer", source: "twelvefold-scan 1.0.0" },
    });
    expect(view.responses[first!]!.justification).toContain("A .env file is committed. (twelvefold-scan 1.0.0: .env:1)");
    expect(view.responses[second!]).toMatchObject({
      status: "partially_met",
      justification: "Only the API has a lockfile.",
      suggestion: { outcome: "overridden", status: "met" },
    });
    expect(await prisma.auditEvent.count({ where: { action: { in: ["response.suggestion_accepted", "response.suggestion_overridden"] } } })).toBe(2);

    // An auditor's token may not submit; a lead of another team cannot even see the service.
    const { createToken } = await import("@/lib/data/api/tokens");
    const { authenticateApiRequest } = await import("@/lib/api/authenticate");
    const { token } = await createToken(as.lead, { teamId: draft.service.teamId, name: "reader", scope: "read", expiresInDays: 30 }, context);
    const reader = await authenticateApiRequest(call(token), context);
    await expect(
      submitEvidence(
        reader.principal,
        { serviceSlug: draft.service.slug, source: "x", results: [{ itemId: first!, status: "met", summary: "?", observations: [] }] },
        context,
      ),
    ).rejects.toThrow("forbidden");
  });
});
