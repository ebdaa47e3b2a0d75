import "server-only";
import { getPrisma } from "../db/prisma";
import type { Criticality, SeverityCounts } from "./list-service-summaries";
import type { Principal } from "../auth/policy";
import { lapseExpiredAcceptances } from "./findings/lapse-acceptances";
import { servicesVisibleTo } from "./scope";

export interface OpenFindingCounts {
  bySeverity: SeverityCounts;
  total: number;
  overdue: number;
}

/** Findings being worked on (open or in progress), counted in SQL. Accepted risks are not counted. */
export async function countOpenFindings(principal: Principal, now: Date = new Date()): Promise<OpenFindingCounts> {
  // A lapsed acceptance is open again before anything is counted.
  await lapseExpiredAcceptances(now);
  const prisma = getPrisma();
  const where = { status: { in: ["OPEN" as const, "IN_PROGRESS" as const] }, service: servicesVisibleTo(principal, now) };
  const [groups, overdue] = await Promise.all([
    prisma.finding.groupBy({ by: ["severity"], where, _count: { _all: true } }),
    prisma.finding.count({ where: { ...where, dueDate: { lt: now } } }),
  ]);
  const bySeverity: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const group of groups) bySeverity[group.severity.toLowerCase() as Criticality] = group._count._all;
  const total = Object.values(bySeverity).reduce((a, b) => a + b, 0);
  return { bySeverity, total, overdue };
}
