// The dashboard's figures, checked against the raw rows with independent SQL.
import { beforeAll, describe, expect, it } from "vitest";
import { prepareSchema } from "@/lib/boot/database";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { freshDatabase, withClient } from "./helpers";

const NOW = new Date("2026-11-01T12:00:00Z");
let url: string;

beforeAll(async () => {
  url = await freshDatabase("twelvefold_portfolio");
  await prepareSchema(url);
  const prisma = createPrismaClient(url, 2);
  await seedDemo(prisma, { password: "portfolio-test-password", now: NOW }).finally(() => prisma.$disconnect());
  // The data layer reads its connection from the environment, as the app does.
  process.env.DATABASE_URL = url;
});

const principal = async (email: string) => {
  const [user] = await sql<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]);
  const { principalOf } = await import("./principals");
  return principalOf(url, user!.id);
};

const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => withClient(url, async (c) => (await c.query<T>(text, params)).rows);

describe("portfolio figures", () => {
  it("count open findings by severity and overdue, as the raw rows do", async () => {
    const { countOpenFindings } = await import("@/lib/data/findings/count-open-findings");
    const counts = await countOpenFindings(await principal("auditor@demo.test"), NOW);
    const bySeverity = await sql<{ severity: string; n: number }>(
      "SELECT severity::text, count(*)::int AS n FROM findings WHERE status IN ('open', 'in_progress') GROUP BY 1",
    );
    const [overdue] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM findings WHERE status IN ('open', 'in_progress') AND due_date < $1", [NOW]);
    for (const row of bySeverity) expect(counts.bySeverity[row.severity as "critical"]).toBe(row.n);
    expect(counts.total).toBe(bySeverity.reduce((sum, row) => sum + row.n, 0));
    expect(counts.overdue).toBe(overdue!.n);
    expect(counts.overdue).toBeGreaterThan(0);
  });

  it("give each service the scores of its latest approved assessment", async () => {
    const { listServiceSummaries } = await import("@/lib/data/services/list-service-summaries");
    const summaries = await listServiceSummaries(await principal("admin@demo.test"));
    const latest = await sql<{ slug: string; overall_score: number | null; factor_scores: { factor: number; score: number | null }[] | null }>(`
      SELECT s.slug, a.overall_score, a.factor_scores
        FROM services s
        LEFT JOIN LATERAL (
          SELECT overall_score, factor_scores FROM assessments
           WHERE service_id = s.id AND status = 'completed' ORDER BY approved_at DESC LIMIT 1) a ON true`);
    expect(summaries).toHaveLength(latest.length);
    for (const row of latest) {
      const summary = summaries.find((s) => s.slug === row.slug)!;
      expect(summary.latestScore, row.slug).toBe(row.overall_score);
      const expected = Array.from({ length: 12 }, (_, i) => row.factor_scores?.find((f) => f.factor === i + 1)?.score ?? null);
      expect(summary.factorScores, row.slug).toEqual(expected);
    }
  });

  it("scope every figure to the principal's teams", async () => {
    const { listServiceSummaries } = await import("@/lib/data/services/list-service-summaries");
    const { countOpenFindings } = await import("@/lib/data/findings/count-open-findings");
    const reviewer = await principal("reviewer@demo.test");
    const summaries = await listServiceSummaries(reviewer);
    expect(new Set(summaries.map((s) => s.team.slug))).toEqual(new Set(["payments", "platform"]));
    const [open] = await sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM findings f JOIN services s ON s.id = f.service_id JOIN teams t ON t.id = s.team_id
       WHERE f.status IN ('open', 'in_progress') AND t.slug IN ('payments', 'platform')`);
    expect((await countOpenFindings(reviewer, NOW)).total).toBe(open!.n);
    const outsider = { ...reviewer, memberships: [] };
    expect(await listServiceSummaries(outsider)).toEqual([]);
    expect((await countOpenFindings(outsider, NOW)).total).toBe(0);
  });
});

describe("the service picker of the findings filter", () => {
  it("lists every service in scope by name, or one team's, while there are few enough", async () => {
    const { listServicePicker } = await import("@/lib/data/services/list-service-picker");
    const reviewer = await principal("reviewer@demo.test");
    const inScope = await sql<{ slug: string }>(
      "SELECT s.slug FROM services s JOIN teams t ON t.id = s.team_id WHERE t.slug IN ('payments', 'platform') AND s.archived_at IS NULL ORDER BY s.name",
    );
    const all = await listServicePicker(reviewer, { limit: 200 });
    expect(all.complete).toBe(true);
    expect(all.options.map((s) => s.slug)).toEqual(inScope.map((r) => r.slug));
    const payments = await listServicePicker(reviewer, { teamSlug: "payments", limit: 200 });
    const paymentsRows = await sql<{ slug: string }>(
      "SELECT s.slug FROM services s JOIN teams t ON t.id = s.team_id WHERE t.slug = 'payments' AND s.archived_at IS NULL",
    );
    expect(new Set(payments.options.map((s) => s.slug))).toEqual(new Set(paymentsRows.map((r) => r.slug)));
    // Another team's services are never offered, even when asked for by team.
    expect((await listServicePicker(reviewer, { teamSlug: "identity", limit: 200 })).options).toEqual([]);
  });

  it("past the limit offers only the chosen service, and only if the principal may read it", async () => {
    const { listServicePicker } = await import("@/lib/data/services/list-service-picker");
    const reviewer = await principal("reviewer@demo.test");
    expect(await listServicePicker(reviewer, { limit: 2 })).toEqual({ options: [], complete: false });
    expect(await listServicePicker(reviewer, { limit: 2, selected: "ledger-service" })).toEqual({
      options: [{ slug: "ledger-service", name: "Ledger Service" }],
      complete: false,
    });
    expect(await listServicePicker(reviewer, { limit: 2, selected: "auth-service" })).toEqual({ options: [], complete: false });
  });
});
