import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { dueState, type DueState } from "../../findings/due";
import { FINDINGS_PAGE_SIZE, type FindingFilter } from "../../findings/filter";
import type { Prisma } from "../../generated/prisma/client";
import type { Criticality } from "../list-service-summaries";
import { servicesVisibleTo } from "../scope";
import { lapseExpiredAcceptances } from "./lapse-acceptances";

export interface FindingListRow {
  id: string;
  itemId: string;
  title: string;
  severity: Criticality;
  status: "open" | "in_progress" | "risk_accepted" | "resolved";
  service: { name: string; slug: string };
  team: string;
  owner: string | null;
  openedAt: Date;
  dueDate: Date | null;
  due: DueState;
  resolvedAt: Date | null;
  riskAcceptanceExpiresAt: Date | null;
  riskAcceptedBy: string | null;
}

export interface FindingPage {
  rows: FindingListRow[];
  total: number;
  page: number;
  pages: number;
}

const up = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

export function findingsWhere(principal: Principal, filter: FindingFilter, now: Date): Prisma.FindingWhereInput {
  const and: Prisma.FindingWhereInput[] = [{ service: servicesVisibleTo(principal, now) }];
  if (filter.team) and.push({ service: { team: { slug: filter.team } } });
  if (filter.service) and.push({ service: { slug: filter.service } });
  if (filter.factor) and.push({ itemId: { startsWith: `F${String(filter.factor).padStart(2, "0")}-` } });
  if (filter.severity) and.push({ severity: up(filter.severity) });
  if (filter.status === "active") and.push({ status: { not: "RESOLVED" } });
  else if (filter.status !== "all") and.push({ status: up(filter.status) });
  if (filter.owner === "me") and.push({ ownerId: principal.userId });
  else if (filter.owner === "none") and.push({ ownerId: null });
  else if (filter.owner) and.push({ ownerId: filter.owner });
  if (filter.overdue) and.push({ status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lt: now } });
  return { AND: and };
}

function orderBy(filter: FindingFilter): Prisma.FindingOrderByWithRelationInput[] {
  const dir = filter.dir;
  switch (filter.sort) {
    case "severity":
      return [{ severity: dir }, { dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }];
    case "opened":
      return [{ openedAt: dir }, { id: "asc" }];
    case "service":
      return [{ service: { name: dir } }, { severity: "asc" }, { id: "asc" }];
    default:
      return [{ dueDate: { sort: dir, nulls: "last" } }, { severity: "asc" }, { id: "asc" }];
  }
}

const SELECT = {
  id: true,
  itemId: true,
  title: true,
  severity: true,
  status: true,
  openedAt: true,
  dueDate: true,
  resolvedAt: true,
  riskAcceptanceExpiresAt: true,
  riskAcceptedBy: { select: { name: true } },
  owner: { select: { name: true } },
  service: { select: { name: true, slug: true, team: { select: { name: true } } } },
} as const;

type Selected = Prisma.FindingGetPayload<{ select: typeof SELECT }>;

function toRow(row: Selected, now: Date): FindingListRow {
  const status = row.status.toLowerCase() as FindingListRow["status"];
  return {
    id: row.id,
    itemId: row.itemId,
    title: row.title,
    severity: row.severity.toLowerCase() as Criticality,
    status,
    service: { name: row.service.name, slug: row.service.slug },
    team: row.service.team.name,
    owner: row.owner?.name ?? null,
    openedAt: row.openedAt,
    dueDate: row.dueDate,
    due: dueState({ status, dueDate: row.dueDate }, now),
    resolvedAt: row.resolvedAt,
    riskAcceptanceExpiresAt: row.riskAcceptanceExpiresAt,
    riskAcceptedBy: row.riskAcceptedBy?.name ?? null,
  };
}

/** One page of the findings the principal may see, filtered and sorted in SQL. */
export async function listFindings(principal: Principal, filter: FindingFilter, now: Date = new Date()): Promise<FindingPage> {
  await lapseExpiredAcceptances(now);
  const prisma = getPrisma();
  const where = findingsWhere(principal, filter, now);
  const [total, rows] = await Promise.all([
    prisma.finding.count({ where }),
    prisma.finding.findMany({ where, orderBy: orderBy(filter), skip: (filter.page - 1) * FINDINGS_PAGE_SIZE, take: FINDINGS_PAGE_SIZE, select: SELECT }),
  ]);
  return { rows: rows.map((row) => toRow(row, now)), total, page: filter.page, pages: Math.max(1, Math.ceil(total / FINDINGS_PAGE_SIZE)) };
}

/** Every matching finding, for export: read in batches so memory stays flat. */
export async function* allFindings(principal: Principal, filter: FindingFilter, now: Date = new Date()): AsyncGenerator<FindingListRow> {
  await lapseExpiredAcceptances(now);
  const where = findingsWhere(principal, filter, now);
  const batch = 1000;
  for (let skip = 0; ; skip += batch) {
    const rows = await getPrisma().finding.findMany({ where, orderBy: orderBy(filter), skip, take: batch, select: SELECT });
    for (const row of rows) yield toRow(row, now);
    if (rows.length < batch) return;
  }
}
