import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { prepareSchema } from "@/lib/boot/database";
import { allItems, checklistHash, latestChecklist } from "@/lib/checklist";
import { publishChecklists } from "@/lib/checklist/publish";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo, type SeedResult } from "@/lib/demo/seed";
import { SELF_ANSWERS } from "@/lib/demo/self-assessment";
import { DEFAULT_SLA_DAYS } from "@/lib/findings/sla";
import { freshDatabase, withClient } from "./helpers";

const PASSWORD = "correct horse battery staple";
let url: string;
let seeded: SeedResult;

beforeAll(async () => {
  url = await freshDatabase();
  await prepareSchema(url);
  const prisma = createPrismaClient(url, 2);
  seeded = await seedDemo(prisma, { password: PASSWORD, now: new Date("2026-11-01T12:00:00Z") }).finally(() => prisma.$disconnect());
});

const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => withClient(url, async (c) => (await c.query<T>(sql, params)).rows);

describe("Twelvefold's assessment of itself", () => {
  it("is one approved assessment answering every item, each with its evidence links", async () => {
    const rows = await query<{ status: string; overall_score: number; n: number; linked: number; approver: string }>(`
      SELECT a.status::text, a.overall_score, count(r.id)::int AS n,
             count(r.id) FILTER (WHERE cardinality(r.evidence_links) > 0)::int AS linked, u.email AS approver
        FROM services s JOIN assessments a ON a.service_id = s.id
        JOIN responses r ON r.assessment_id = a.id JOIN users u ON u.id = a.approved_by_id
       WHERE s.slug = 'twelvefold' GROUP BY a.id, u.email`);
    const answers = Object.values(SELF_ANSWERS);
    expect(rows).toEqual([
      {
        status: "completed",
        overall_score: expect.closeTo(63.1, 1),
        n: allItems(latestChecklist()).length,
        linked: answers.filter((a) => a.evidence.length > 0).length,
        approver: "lead@demo.test",
      },
    ]);
  });

  it("has an open finding for every gap, with an owner, a due date and what closes it", async () => {
    const findings = await query<{ item_id: string; owner: string; due_in_days: number; comment: string }>(`
      SELECT f.item_id, u.email AS owner, round(extract(epoch FROM f.due_date - f.opened_at) / 86400)::int AS due_in_days, c.body AS comment
        FROM findings f JOIN services s ON s.id = f.service_id JOIN users u ON u.id = f.owner_id
        JOIN comments c ON c.finding_id = f.id
       WHERE s.slug = 'twelvefold' AND f.status = 'open' ORDER BY f.item_id`);
    const gaps = Object.entries(SELF_ANSWERS).filter(([, a]) => a.gap);
    expect(findings.map((f) => f.item_id)).toEqual(gaps.map(([id]) => id).sort());
    const severity = new Map(allItems(latestChecklist()).map((i) => [i.id, i.severity]));
    for (const finding of findings) {
      const gap = SELF_ANSWERS[finding.item_id]!.gap!;
      expect(finding.owner).toBe(gap.owner);
      expect(finding.due_in_days).toBe(DEFAULT_SLA_DAYS[severity.get(finding.item_id)!]);
      expect(finding.comment).toBe(`To close: ${gap.action}`);
    }
  });
});

describe("demo organisation", () => {
  it("has three teams and at least twelve services", async () => {
    expect(await query("SELECT name FROM teams ORDER BY name")).toEqual([{ name: "Identity" }, { name: "Payments" }, { name: "Platform" }]);
    const [row] = await query<{ n: number }>("SELECT count(*)::int AS n FROM services");
    expect(row!.n).toBeGreaterThanOrEqual(12);
    expect(seeded.services).toBe(row!.n);
  });

  it("has about eighteen months of completed assessments per assessed service", async () => {
    const spans = await query<{ slug: string; n: number; days: number }>(`
      SELECT s.slug, count(a.id)::int AS n,
             extract(day FROM max(a.approved_at) - min(a.approved_at))::int AS days
        FROM services s JOIN assessments a ON a.service_id = s.id AND a.status = 'completed'
       WHERE s.slug <> 'twelvefold' -- assessed once, honestly: see below
       GROUP BY s.slug`);
    expect(spans.length).toBeGreaterThanOrEqual(12);
    for (const span of spans) {
      expect(span.n, span.slug).toBeGreaterThanOrEqual(8);
      expect(span.days, span.slug).toBeGreaterThan(450);
    }
  });

  it("stores scores that match the responses, recomputed independently", async () => {
    const weight: Record<string, number> = { critical: 10, high: 6, medium: 3, low: 1 };
    const credit: Record<string, number> = { met: 1, partially_met: 0.5, not_met: 0, unanswered: 0 };
    const severity = new Map(allItems(latestChecklist()).map((i) => [i.id, i.severity]));
    const assessments = await query<{ id: string; overall_score: number }>(
      "SELECT id, overall_score FROM assessments WHERE status = 'completed' ORDER BY random() LIMIT 12",
    );
    for (const assessment of assessments) {
      const responses = await query<{ item_id: string; status: string }>("SELECT item_id, status::text FROM responses WHERE assessment_id = $1", [
        assessment.id,
      ]);
      let earned = 0;
      let possible = 0;
      for (const r of responses) {
        if (r.status === "not_applicable") continue;
        const w = weight[severity.get(r.item_id)!]!;
        earned += w * credit[r.status]!;
        possible += w;
      }
      expect(assessment.overall_score).toBeCloseTo((earned / possible) * 100, 0);
    }
  });

  it("tells different stories: some services improve and some regress", async () => {
    const trend = await query<{ slug: string; first: number; last: number }>(`
      SELECT s.slug,
             (array_agg(a.overall_score ORDER BY a.approved_at))[1] AS first,
             (array_agg(a.overall_score ORDER BY a.approved_at DESC))[1] AS last
        FROM services s JOIN assessments a ON a.service_id = s.id AND a.status = 'completed'
       GROUP BY s.slug`);
    expect(trend.some((t) => t.last - t.first > 20)).toBe(true);
    expect(trend.some((t) => t.first - t.last > 15)).toBe(true);
  });

  it("has findings opened and resolved over time, linked to their assessments", async () => {
    const [f] = await query<{ open: number; resolved: number; unlinked: number }>(`
      SELECT count(*) FILTER (WHERE status IN ('open', 'in_progress', 'risk_accepted'))::int AS open,
             count(*) FILTER (WHERE status = 'resolved' AND resolved_by_assessment_id IS NOT NULL AND resolved_at IS NOT NULL)::int AS resolved,
             count(*) FILTER (WHERE origin_assessment_id IS NULL)::int AS unlinked
        FROM findings`);
    expect(f!.open).toBeGreaterThan(0);
    expect(f!.resolved).toBeGreaterThan(0);
    expect(f!.unlinked).toBe(0);
    const [dupes] = await query<{ n: number }>(`
      SELECT count(*)::int AS n FROM (
        SELECT service_id, item_id FROM findings WHERE status <> 'resolved' GROUP BY 1, 2 HAVING count(*) > 1) d`);
    expect(dupes!.n).toBe(0);
  });

  it("has exactly one assessment in progress", async () => {
    const drafts = await query<{ status: string; answered: number; total: number }>(`
      SELECT a.status::text, count(*) FILTER (WHERE r.status <> 'unanswered')::int AS answered, count(r.id)::int AS total
        FROM assessments a JOIN responses r ON r.assessment_id = a.id
       WHERE a.status <> 'completed' GROUP BY a.id, a.status`);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.answered).toBeGreaterThan(0);
    expect(drafts[0]!.answered).toBeLessThan(drafts[0]!.total);
  });

  it("pins every assessment to the published checklist", async () => {
    const versions = await query<{ content_hash: string; n: number }>(`
      SELECT v.content_hash, count(a.id)::int AS n FROM checklist_versions v LEFT JOIN assessments a ON a.checklist_version_id = v.id GROUP BY v.id`);
    expect(versions).toEqual([{ content_hash: checklistHash(latestChecklist()), n: seeded.assessments }]);
  });

  it("gives the five demo accounts the demo password, hashed with argon2id", async () => {
    const users = await query<{ email: string; password_hash: string }>(
      "SELECT email, password_hash FROM users WHERE password_hash IS NOT NULL ORDER BY email",
    );
    expect(users.map((u) => u.email)).toEqual(["admin@demo.test", "auditor@demo.test", "lead@demo.test", "owner@demo.test", "reviewer@demo.test"]);
    for (const user of users) {
      expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(user.password_hash, PASSWORD)).toBe(true);
      expect(await verifyPassword(user.password_hash, "wrong password!")).toBe(false);
    }
  });

  it("publishes checklists idempotently", async () => {
    const prisma = createPrismaClient(url, 1);
    try {
      expect(await publishChecklists(prisma)).toEqual({ published: [] });
    } finally {
      await prisma.$disconnect();
    }
  });
});
