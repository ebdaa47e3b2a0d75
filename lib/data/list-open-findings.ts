import "server-only";
import { getPrisma } from "../db/prisma";
import type { Principal } from "../auth/policy";
import { servicesVisibleTo } from "./scope";
import type { Criticality } from "./list-service-summaries";

export interface FindingRow {
  id: string;
  itemId: string;
  title: string;
  severity: Criticality;
  status: "open" | "in_progress" | "risk_accepted";
  service: { name: string; slug: string; team: string };
  owner: string | null;
  openedAt: Date;
  dueDate: Date | null;
  overdue: boolean;
  riskAcceptanceExpiresAt: Date | null;
}

/** Unresolved findings, most severe and soonest due first. */
export async function listOpenFindings(principal: Principal, options: { limit?: number; now?: Date } = {}): Promise<FindingRow[]> {
  const now = options.now ?? new Date();
  const rows = await getPrisma().finding.findMany({
    where: { status: { in: ["OPEN", "IN_PROGRESS", "RISK_ACCEPTED"] }, service: servicesVisibleTo(principal, now) },
    orderBy: [{ severity: "asc" }, { dueDate: "asc" }, { id: "asc" }],
    take: options.limit ?? 100,
    select: {
      id: true,
      itemId: true,
      title: true,
      severity: true,
      status: true,
      openedAt: true,
      dueDate: true,
      riskAcceptanceExpiresAt: true,
      owner: { select: { name: true } },
      service: { select: { name: true, slug: true, team: { select: { name: true } } } },
    },
  });
  return rows.map((row) => {
    const status = row.status.toLowerCase() as FindingRow["status"];
    return {
      id: row.id,
      itemId: row.itemId,
      title: row.title,
      severity: row.severity.toLowerCase() as Criticality,
      status,
      service: { name: row.service.name, slug: row.service.slug, team: row.service.team.name },
      owner: row.owner?.name ?? null,
      openedAt: row.openedAt,
      dueDate: row.dueDate,
      overdue: status !== "risk_accepted" && row.dueDate !== null && row.dueDate < now,
      riskAcceptanceExpiresAt: row.riskAcceptanceExpiresAt,
    };
  });
}
