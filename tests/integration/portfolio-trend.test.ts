// The trend series read from team_posture must equal what the raw assessments
// and findings say, month by month, within the viewer's scope.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";
import { monthEnd, rawPosture } from "./raw-posture";

let prisma: PrismaClient;
let as: Record<string, Principal>;
// A fixed clock: the demo data is laid out relative to it, so the figures are the
// same on every day the suite runs (posture-rebuild.test.ts covers a spread of dates).
const NOW = new Date("2026-11-29T09:30:00Z");

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_trend",
    now: NOW,
    people: { lead: "lead@demo.test", auditor: "auditor@demo.test" },
  }));
  return () => prisma.$disconnect();
});

const expected = (teamSlugs: string[] | null, end: Date) => rawPosture(prisma, teamSlugs, end);

describe("the portfolio trend", () => {
  it("matches the raw rows every month, for the whole organisation", async () => {
    const { getPortfolioTrend } = await import("@/lib/data/reports/portfolio-trend");
    const trend = await getPortfolioTrend(as.auditor!, { months: 18, now: NOW });
    expect(trend).toHaveLength(18);
    for (const point of trend) {
      const { month, ...figures } = point;
      expect(figures, month).toEqual(await expected(null, monthEnd(month)));
    }
    expect(trend.at(-1)!.score).not.toBeNull();
  });

  it("stays within the lead's teams, or one team when asked", async () => {
    const { getPortfolioTrend } = await import("@/lib/data/reports/portfolio-trend");
    const [lead, platform] = await Promise.all([
      getPortfolioTrend(as.lead!, { months: 6, now: NOW }),
      getPortfolioTrend(as.lead!, { months: 6, teamSlug: "platform", now: NOW }),
    ]);
    for (const [i, point] of lead.entries()) {
      const { month, ...figures } = point;
      expect(figures).toEqual(await expected(["payments", "platform"], monthEnd(month)));
      expect({ ...platform[i]!, month: undefined }).toEqual({ ...(await expected(["platform"], monthEnd(month))), month: undefined });
    }
    // Another team's trend, or a team that does not exist, is not found (the route answers 404 and audits it).
    await expect(getPortfolioTrend(as.lead!, { teamSlug: "identity", now: NOW })).rejects.toThrow("not found");
    await expect(getPortfolioTrend(as.lead!, { teamSlug: "no-such-team", now: NOW })).rejects.toThrow("not found");
  });
});

describe("a service report", () => {
  it("gives the scores, unresolved counts, time to remediate and overdue count the raw rows give", async () => {
    const { getServiceFigures, getServiceTrend } = await import("@/lib/data/reports/service-report");
    const service = await prisma.service.findFirstOrThrow({
      where: { slug: "ledger-service" },
      include: { assessments: { where: { status: "COMPLETED" }, orderBy: { approvedAt: "asc" } }, findings: true },
    });
    const [figures, trend] = await Promise.all([
      getServiceFigures(as.lead!, { id: service.id }, NOW),
      getServiceTrend(as.lead!, { slug: "ledger-service" }, NOW),
    ]);
    expect(trend.scores.map((s) => s.score)).toEqual(service.assessments.map((a) => a.overallScore));
    expect(figures.completedCount).toBe(service.assessments.length);
    expect(figures.latestScore).toBe(service.assessments.at(-1)!.overallScore);
    const resolved = service.findings.filter((f) => f.status === "RESOLVED" && f.resolvedAt);
    const mean = resolved.reduce((sum, f) => sum + (f.resolvedAt!.getTime() - f.openedAt.getTime()) / 86_400_000, 0) / resolved.length;
    expect(figures.meanDaysToRemediate).toBe(Math.round(mean * 10) / 10);
    expect(figures.resolvedCount).toBe(resolved.length);
    expect(figures.overdue).toBe(service.findings.filter((f) => ["OPEN", "IN_PROGRESS"].includes(f.status) && f.dueDate && f.dueDate < NOW).length);
    const last = service.assessments.at(-1)!;
    const dayEnd = new Date(Date.UTC(last.approvedAt!.getUTCFullYear(), last.approvedAt!.getUTCMonth(), last.approvedAt!.getUTCDate() + 1));
    const open = service.findings.filter((f) => f.openedAt < dayEnd && (!f.resolvedAt || f.resolvedAt >= dayEnd));
    const point = trend.unresolved.at(-1)!;
    expect(point.critical + point.high + point.medium + point.low).toBe(open.length);
    expect(figures.change).toEqual({ before: service.assessments.at(-2)!.overallScore, after: last.overallScore });
  });

  it("is not found outside the reader's teams, by id or by slug", async () => {
    const { getServiceFigures, getServiceTrend } = await import("@/lib/data/reports/service-report");
    const identity = await prisma.service.findFirstOrThrow({ where: { slug: "auth-service" } });
    await expect(getServiceFigures(as.lead!, { id: identity.id }, NOW)).rejects.toThrow("not found");
    await expect(getServiceTrend(as.lead!, { slug: "auth-service" }, NOW)).rejects.toThrow("not found");
  });
});

describe("the period comparison", () => {
  it("counts what happened in each period, and where it ended, as the raw rows do", async () => {
    const { comparePeriods, defaultPeriods } = await import("@/lib/data/reports/compare-periods");
    const { getPortfolioTrend } = await import("@/lib/data/reports/portfolio-trend");
    const periods = [{ from: "2026-01-01", to: "2026-03-31" }, ...defaultPeriods(NOW)];
    const figures = await comparePeriods(as.auditor!, periods);
    for (const f of figures) {
      const from = new Date(`${f.period.from}T00:00:00Z`);
      const end = new Date(new Date(`${f.period.to}T00:00:00Z`).getTime() + 86_400_000);
      expect(f.assessmentsCompleted).toBe(await prisma.assessment.count({ where: { status: "COMPLETED", approvedAt: { gte: from, lt: end } } }));
      expect(f.findingsOpened).toBe(await prisma.finding.count({ where: { openedAt: { gte: from, lt: end } } }));
      expect(f.findingsResolved).toBe(await prisma.finding.count({ where: { resolvedAt: { gte: from, lt: end } } }));
      const atEnd = await expected(null, end);
      expect([f.scoreAtEnd, f.unresolvedAtEnd]).toEqual([atEnd.score, atEnd.critical + atEnd.high + atEnd.medium + atEnd.low]);
    }
    // The quarter ending at March's end agrees with the monthly trend's March.
    const march = (await getPortfolioTrend(as.auditor!, { months: 18, now: NOW })).find((p) => p.month === "2026-03-01");
    if (march) expect(figures[0]!.scoreAtEnd).toBe(march.score);
  });
});
