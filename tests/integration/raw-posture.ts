// The posture figures computed in plain code from the raw rows, to check the
// team_posture series against: independent of lib/posture and lib/scoring.
import type { PrismaClient } from "@/lib/db/client";

/** The mean of one-decimal scores, exactly (in whole tenths, as big integers), rounded half up to one decimal. */
export function exactMean(scores: number[]): number | null {
  if (!scores.length) return null;
  const sum = scores.reduce((a, s) => a + BigInt(Math.round(s * 10)), 0n);
  const n = BigInt(scores.length);
  return Number((2n * sum + n) / (2n * n)) / 10;
}

/** Mean latest score and unresolved findings by severity, as things stood just before `end`. */
export async function rawPosture(prisma: PrismaClient, teamSlugs: string[] | null, end: Date) {
  const services = await prisma.service.findMany({
    where: { archivedAt: null, ...(teamSlugs ? { team: { slug: { in: teamSlugs } } } : {}) },
    include: { assessments: { where: { status: "COMPLETED" } }, findings: true },
  });
  const scores: number[] = [];
  const unresolved = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const service of services) {
    const latest = service.assessments.filter((a) => a.approvedAt! < end).sort((a, b) => b.approvedAt!.getTime() - a.approvedAt!.getTime())[0];
    if (latest?.overallScore !== null && latest?.overallScore !== undefined) scores.push(latest.overallScore);
    for (const f of service.findings) {
      if (f.openedAt < end && (!f.resolvedAt || f.resolvedAt >= end)) unresolved[f.severity.toLowerCase() as keyof typeof unresolved]++;
    }
  }
  return { score: exactMean(scores), assessed: scores.length, ...unresolved };
}

/** The first instant after the month that starts on `month` (YYYY-MM-01). */
export const monthEnd = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};
