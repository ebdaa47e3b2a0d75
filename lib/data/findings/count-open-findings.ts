import "server-only";
import { getPrisma } from "../../db/prisma";
import { severities } from "../../vocabulary/levels";
import type { SeverityCounts } from "../services/list-service-summaries";
import type { Criticality } from "../../vocabulary/levels";
import type { Principal } from "../../auth/policy";
import { lapseExpiredAcceptances } from "./lapse-acceptances";
import { workingStatusSql } from "./working";
import { servicesVisibleSql } from "../scope";

export interface OpenFindingCounts {
  bySeverity: SeverityCounts;
  total: number;
  overdue: number;
}

/** Findings being worked on (open or in progress), counted in SQL. Accepted risks are not counted. */
export async function countOpenFindings(principal: Principal, now: Date = new Date()): Promise<OpenFindingCounts> {
  // A lapsed acceptance is open again before anything is counted.
  await lapseExpiredAcceptances(now);
  const groups = await getPrisma().$queryRaw<{ severity: Criticality; n: bigint; overdue: bigint }[]>`
    SELECT f.severity::text AS severity, count(*) AS n, count(*) FILTER (WHERE f.due_date < ${now}) AS overdue
    FROM findings f JOIN services s ON s.id = f.service_id
    WHERE ${workingStatusSql()} AND ${servicesVisibleSql(principal, now)}
    GROUP BY f.severity`;
  const bySeverity: SeverityCounts = severities.count();
  for (const group of groups) bySeverity[group.severity] = Number(group.n);
  const total = Object.values(bySeverity).reduce((a, b) => a + b, 0);
  return { bySeverity, total, overdue: groups.reduce((sum, group) => sum + Number(group.overdue), 0) };
}
