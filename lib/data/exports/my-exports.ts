import "server-only";
import { about, actorOf, recordAuditEvent, requestOf, type RequestContext } from "../../audit/record";
import { can, readScope, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { NotFoundError } from "../errors";
import type { ExportKind } from "./record-export";

import type { ExportState } from "../../vocabulary/records";
import { exportStates } from "../../vocabulary/records";

export type { ExportState };

export interface MyExport {
  id: string;
  kind: ExportKind;
  state: ExportState;
  progress: number;
  teamName: string | null;
  assessmentOf: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** How long it has waited, for a queued export (when it was read). */
  waitingMs: number;
  /** Whether the file itself is kept (reports are; CSV and JSON are recorded by hash only). */
  downloadable: boolean;
}

const select = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  fileName: true,
  sizeBytes: true,
  sha256: true,
  error: true,
  createdAt: true,
  completedAt: true,
  team: { select: { name: true } },
  assessment: { select: { service: { select: { name: true } } } },
} as const;

const findRows = (where: { requestedById: string; id?: string }, take: number) =>
  getPrisma().export.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select });

/** Reports keep their bytes, so they can be downloaded again; CSV and JSON are recorded by hash only. */
const KEPT: readonly ExportKind[] = ["ASSESSMENT_PDF", "PORTFOLIO_PDF"];

function toMyExport(row: Awaited<ReturnType<typeof findRows>>[number], now: Date): MyExport {
  return {
    id: row.id,
    kind: row.kind,
    state: exportStates.fromDb(row.status),
    progress: row.progress,
    teamName: row.team?.name ?? null,
    assessmentOf: row.assessment?.service.name ?? null,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    error: row.error,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    waitingMs: row.status === "QUEUED" ? now.getTime() - row.createdAt.getTime() : 0,
    downloadable: row.status === "DONE" && KEPT.includes(row.kind),
  };
}

/**
 * The caller's own exports, newest first. An export belongs to whoever made it
 * (their name is on every page): nobody else sees it here, admins included.
 */
export async function listMyExports(principal: Principal, limit = 50, now: Date = new Date()): Promise<MyExport[]> {
  const rows = await findRows({ requestedById: principal.userId }, Math.min(Math.max(limit, 1), 200));
  return rows.map((row) => toMyExport(row, now));
}

/** One of the caller's exports; anyone else's, or none, is not found. */
export async function getMyExport(principal: Principal, exportId: string, now: Date = new Date()): Promise<MyExport> {
  const [row] = await findRows({ requestedById: principal.userId, id: exportId }, 1);
  if (!row) throw new NotFoundError();
  return toMyExport(row, now);
}

/**
 * Whether the principal can read, today, every team whose records the export
 * holds. An export from before the scope was recorded that covered several
 * teams is for org-wide readers only.
 */
function mayStillRead(
  principal: Principal,
  row: { teamId: string | null; scopeTeamIds: string[]; assessment: { service: { teamId: string } } | null },
): boolean {
  const teams = row.assessment ? [row.assessment.service.teamId] : row.scopeTeamIds.length ? row.scopeTeamIds : row.teamId ? [row.teamId] : null;
  if (!teams) return readScope(principal).kind === "org";
  return teams.every((teamId) => can(principal, "team.read", { teamId }));
}

/** The bytes of one of the caller's finished reports, as recorded, while the caller may still read what it holds; the download is audited. */
export async function downloadMyExport(
  principal: Principal,
  exportId: string,
  context: RequestContext,
): Promise<{ exportId: string; fileName: string; bytes: Buffer; sha256: string; contentType: string }> {
  const prisma = getPrisma();
  const row = await prisma.export.findFirst({
    where: { id: exportId, requestedById: principal.userId, status: "DONE", content: { not: null } },
    select: {
      id: true,
      kind: true,
      fileName: true,
      sha256: true,
      content: true,
      teamId: true,
      scopeTeamIds: true,
      assessment: { select: { service: { select: { teamId: true } } } },
    },
  });
  if (!row?.content || !row.fileName || !row.sha256) throw new NotFoundError();
  // Made by the caller is not enough: the caller must still be able to read every record in it.
  // (The route audits the refusal, as for any other.)
  if (!mayStillRead(principal, row)) throw new NotFoundError();
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "export.download",
      ...actorOf(principal),
      ...about("export", row.id, row.teamId),
      ...requestOf(context),
      after: { fileName: row.fileName, sha256: row.sha256 },
    }),
  );
  return {
    exportId: row.id,
    fileName: row.fileName,
    bytes: Buffer.from(row.content),
    sha256: row.sha256,
    contentType: row.kind.endsWith("_PDF") ? "application/pdf" : row.kind.endsWith("_CSV") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
  };
}
