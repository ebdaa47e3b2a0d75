// The scale seed at a small size: the organisation it promises, rows that agree
// with one another, and a posture series that matches the raw assessments.
import { beforeAll, describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "@/lib/checklist";
import type { PrismaClient } from "@/lib/db/client";
import { seedScale } from "@/lib/demo/scale-seed";
import { rebuildTeamPosture } from "@/lib/posture/record";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let result: Awaited<ReturnType<typeof seedScale>>;
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  const seeded = await seededDemo({ database: "twelvefold_scale", now: NOW, people: {} });
  prisma = seeded.prisma;
  result = await seedScale(seeded.url, { teams: 5, services: 40, months: 6, now: NOW });
  await rebuildTeamPosture(prisma);
  return () => prisma.$disconnect();
});

describe("seedScale", () => {
  it("fills the organisation to the asked size, demo included", async () => {
    // The demo brings 16 services (Twelvefold itself among them); the scale seed adds the other 24.
    expect(result).toMatchObject({ teams: 2, services: 24, assessments: 144, responses: 144 * allItems(latestChecklist()).length });
    expect(await prisma.team.count()).toBe(5);
    expect(await prisma.service.count()).toBe(40);
    const teamsWithout = await prisma.team.count({ where: { memberships: { none: { role: "LEAD" } } } });
    expect(teamsWithout).toBe(0);
  });

  it("gives each new service six monthly completed assessments, its latest score on the service", async () => {
    const services = await prisma.service.findMany({
      where: { repositoryUrl: { contains: "/search/" } },
      include: { assessments: { orderBy: { approvedAt: "asc" } } },
    });
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      expect(service.assessments.map((a) => a.status)).toEqual(Array(6).fill("COMPLETED"));
      expect(service.latestScore).toBe(service.assessments.at(-1)!.overallScore);
      expect(service.lastAssessedAt).toEqual(service.assessments.at(-1)!.approvedAt);
    }
  });

  it("derives findings from the answers: each opened by a failing answer of its own service", async () => {
    expect(result.findings).toBeGreaterThan(0);
    const mismatched = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM findings f
      JOIN assessments a ON a.id = f.origin_assessment_id
      JOIN responses r ON r.assessment_id = a.id AND r.item_id = f.item_id
      WHERE a.service_id <> f.service_id OR r.status NOT IN ('not_met', 'partially_met')`;
    expect(mismatched[0]!.n).toBe(0);
    expect(await prisma.finding.count({ where: { originAssessmentId: null } })).toBe(0);
  });

  it("leaves a posture row for every team on the day of its latest approval, matching the services", async () => {
    const teams = await prisma.team.findMany({
      include: { services: { include: { assessments: { where: { status: "COMPLETED" }, orderBy: { approvedAt: "desc" }, take: 1 } } } },
    });
    for (const team of teams) {
      const latest = team.services.flatMap((s) => s.assessments).sort((a, b) => b.approvedAt!.getTime() - a.approvedAt!.getTime())[0];
      if (!latest) continue;
      const row = await prisma.teamPosture.findFirstOrThrow({ where: { teamId: team.id }, orderBy: { day: "desc" } });
      const scored = team.services.map((s) => s.latestScore).filter((v): v is number => v !== null);
      expect(row.assessed).toBe(scored.length);
      expect(row.scoreSum).toBeCloseTo(
        scored.reduce((a, b) => a + b, 0),
        6,
      );
    }
  });
});
