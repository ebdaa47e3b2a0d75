import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { servicesVisibleTo } from "../scope";

export interface ImportSummary {
  id: string;
  format: string;
  formatVersion: string;
  tools: { name: string; version: string | null }[];
  fileName: string | null;
  sha256: string;
  results: number;
  mapped: number;
  notes: string[];
  submittedAt: Date;
  /** The API token it came through, by name, if it still exists. */
  via: string | null;
}

/** A service's latest tool outputs taken in as evidence, newest first, if the principal may read the service. */
export async function listEvidenceImports(principal: Principal, serviceId: string, take = 5, now: Date = new Date()): Promise<ImportSummary[]> {
  const rows = await getPrisma().evidenceImport.findMany({
    where: { serviceId, service: servicesVisibleTo(principal, now) },
    orderBy: { submittedAt: "desc" },
    take,
    select: {
      id: true,
      format: true,
      formatVersion: true,
      tools: true,
      fileName: true,
      sha256: true,
      resultCount: true,
      mappedCount: true,
      notes: true,
      submittedAt: true,
      token: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    format: r.format,
    formatVersion: r.formatVersion,
    tools: Array.isArray(r.tools) ? (r.tools as { name: string; version: string | null }[]) : [],
    fileName: r.fileName,
    sha256: r.sha256,
    results: r.resultCount,
    mapped: r.mappedCount,
    notes: Array.isArray(r.notes) ? (r.notes as string[]) : [],
    submittedAt: r.submittedAt,
    via: r.token?.name ?? null,
  }));
}
