// The demo data is laid out relative to the day it is seeded, so the trend a lead
// sees must equal the raw rows whatever that day is: seeded on a spread of dates
// (month ends, a leap day's month, the day the suite once failed on), the rebuilt
// team_posture series and the period comparison agree with the raw assessments
// and findings, month by month.
import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";
import { monthEnd, rawPosture } from "./raw-posture";

const DATES = ["2026-11-29T09:30:00Z", "2028-02-29T23:59:00Z", "2027-03-31T00:00:00Z", "2026-07-15T12:00:00Z"].map((d) => new Date(d));

const holder = globalThis as unknown as { twelvefoldPrisma?: PrismaClient };
let seeded: PrismaClient | undefined;

afterEach(async () => {
  await seeded?.$disconnect();
  delete holder.twelvefoldPrisma;
});

describe("the posture series, rebuilt on a spread of dates", () => {
  for (const [i, now] of DATES.entries()) {
    it(`equals the raw rows when the demo is seeded on ${now.toISOString()}`, async () => {
      const { prisma, as } = await seededDemo({
        database: `twelvefold_spread_${i}`,
        now,
        people: { auditor: "auditor@demo.test" },
      });
      // The data layer keeps one client per process (read once from the environment); each date has its own database.
      seeded = holder.twelvefoldPrisma = prisma;
      const { getPortfolioTrend } = await import("@/lib/data/reports/portfolio-trend");
      const { comparePeriods, defaultPeriods } = await import("@/lib/data/reports/compare-periods");
      const trend = await getPortfolioTrend(as.auditor, { months: 24, now });
      expect(trend).toHaveLength(24);
      for (const { month, ...figures } of trend) expect(figures, month).toEqual(await rawPosture(prisma, null, monthEnd(month)));
      for (const f of await comparePeriods(as.auditor, defaultPeriods(now))) {
        const atEnd = await rawPosture(prisma, null, new Date(new Date(`${f.period.to}T00:00:00Z`).getTime() + 86_400_000));
        expect([f.scoreAtEnd, f.unresolvedAtEnd], f.period.to).toEqual([atEnd.score, atEnd.critical + atEnd.high + atEnd.medium + atEnd.low]);
      }
    });
  }
});
