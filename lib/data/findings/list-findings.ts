import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { dueState, type DueState } from "../../findings/due";
import { dayAfter, dayStart, FINDINGS_PAGE_SIZE, type FindingFilter } from "../../findings/filter";
import { Prisma } from "../../generated/prisma/client";
import type { Criticality } from "../../vocabulary/levels";
import { servicesVisibleSql } from "../scope";
import { lapseExpiredAcceptances } from "./lapse-acceptances";
import { workingStatusSql } from "./working";
import { findingStatuses } from "../../vocabulary/findings";
import { severities } from "../../vocabulary/levels";
import { type FindingStatus } from "../../vocabulary/findings";

export interface FindingListRow {
  id: string;
  itemId: string;
  title: string;
  severity: Criticality;
  status: FindingStatus;
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

/**
 * The WHERE clause of the list, as SQL. Written by hand rather than as a Prisma
 * filter so enum values reach Postgres as typed parameters and status tests as
 * literals: the partial index of unresolved findings (in due-date order) then
 * serves the default view, which Prisma's text-to-enum casts would keep it from.
 * The principal's read scope is the first condition, always.
 */
export function findingsWhere(principal: Principal, filter: FindingFilter, now: Date): Prisma.Sql {
  const and: Prisma.Sql[] = [servicesVisibleSql(principal, now)];
  if (filter.team) and.push(Prisma.sql`s.team_id = (SELECT id FROM teams WHERE slug = ${filter.team})`);
  if (filter.service) and.push(Prisma.sql`s.slug = ${filter.service}`);
  if (filter.factor) and.push(Prisma.sql`f.item_id LIKE ${`F${String(filter.factor).padStart(2, "0")}-%`}`);
  if (filter.severity) and.push(Prisma.sql`f.severity = ${filter.severity}::severity`);
  if (filter.status === "active") and.push(Prisma.sql`f.status <> 'resolved'`);
  else if (filter.status === "working") and.push(workingStatusSql());
  else if (filter.status !== "all") and.push(Prisma.sql`f.status = ${filter.status}::finding_status`);
  if (filter.owner === "me") and.push(Prisma.sql`f.owner_id = ${principal.userId}::uuid`);
  else if (filter.owner === "none") and.push(Prisma.sql`f.owner_id IS NULL`);
  else if (filter.owner) and.push(Prisma.sql`f.owner_id = ${filter.owner}::uuid`);
  if (filter.overdue) and.push(Prisma.sql`${workingStatusSql()} AND f.due_date < ${now}`);
  if (filter.openedFrom) and.push(Prisma.sql`f.opened_at >= ${dayStart(filter.openedFrom)}`);
  if (filter.openedTo) and.push(Prisma.sql`f.opened_at < ${dayAfter(filter.openedTo)}`);
  if (filter.resolvedFrom) and.push(Prisma.sql`f.resolved_at >= ${dayStart(filter.resolvedFrom)}`);
  if (filter.resolvedTo) and.push(Prisma.sql`f.resolved_at < ${dayAfter(filter.resolvedTo)}`);
  if (filter.unresolvedOn) {
    const end = dayAfter(filter.unresolvedOn);
    and.push(Prisma.sql`f.opened_at < ${end} AND (f.resolved_at IS NULL OR f.resolved_at >= ${end})`);
  }
  return Prisma.join(and, " AND ");
}

/** ORDER BY for a sort; the id last, so pages never overlap. Enums sort in their declared order, as Prisma's did. */
function orderBy(filter: FindingFilter): Prisma.Sql {
  const dir = Prisma.raw(filter.dir === "desc" ? "DESC" : "ASC");
  switch (filter.sort) {
    case "severity":
      return Prisma.sql`f.severity ${dir}, f.due_date ASC NULLS LAST, f.id ASC`;
    case "opened":
      return Prisma.sql`f.opened_at ${dir}, f.id ASC`;
    case "service":
      return Prisma.sql`s.name ${dir}, f.severity ASC, f.id ASC`;
    default:
      return Prisma.sql`f.due_date ${dir} NULLS LAST, f.severity ASC, f.id ASC`;
  }
}

/** Ids of one slice of the list, in order. */
async function findingIds(principal: Principal, filter: FindingFilter, now: Date, skip: number, take: number): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<{ id: string }[]>`
    SELECT f.id FROM findings f JOIN services s ON s.id = f.service_id
    WHERE ${findingsWhere(principal, filter, now)}
    ORDER BY ${orderBy(filter)} LIMIT ${take} OFFSET ${skip}`;
  return rows.map((row) => row.id);
}

async function countFindings(principal: Principal, filter: FindingFilter, now: Date): Promise<number> {
  const [row] = await getPrisma().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM findings f JOIN services s ON s.id = f.service_id WHERE ${findingsWhere(principal, filter, now)}`;
  return Number(row!.n);
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
  const status = findingStatuses.fromDb(row.status);
  return {
    id: row.id,
    itemId: row.itemId,
    title: row.title,
    severity: severities.fromDb(row.severity),
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

/** The rows of the given ids, in the ids' order. */
async function rowsOf(ids: string[], now: Date): Promise<FindingListRow[]> {
  if (ids.length === 0) return [];
  const rows = await getPrisma().finding.findMany({ where: { id: { in: ids } }, select: SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toRow(row, now)] : [];
  });
}

/** One page of the findings the principal may see, filtered and sorted in SQL. */
export async function listFindings(
  principal: Principal,
  filter: FindingFilter,
  now: Date = new Date(),
  pageSize: number = FINDINGS_PAGE_SIZE,
): Promise<FindingPage> {
  await lapseExpiredAcceptances(now);
  const [total, ids] = await Promise.all([countFindings(principal, filter, now), findingIds(principal, filter, now, (filter.page - 1) * pageSize, pageSize)]);
  return { rows: await rowsOf(ids, now), total, page: filter.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Every matching finding, for export: read in batches so memory stays flat. */
export async function* allFindings(principal: Principal, filter: FindingFilter, now: Date = new Date()): AsyncGenerator<FindingListRow> {
  await lapseExpiredAcceptances(now);
  const batch = 1000;
  for (let skip = 0; ; skip += batch) {
    const ids = await findingIds(principal, filter, now, skip, batch);
    for (const row of await rowsOf(ids, now)) yield row;
    if (ids.length < batch) return;
  }
}
