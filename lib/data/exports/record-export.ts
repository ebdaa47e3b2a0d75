import "server-only";
import { exportKinds } from "../../vocabulary/records";
import { createHash, randomUUID } from "node:crypto";
import { about, recordAuditEvent, eventBy } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";

import type { ExportKind } from "../../generated/prisma/enums";

export type { ExportKind };

export interface RecordedExport {
  exportId: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

interface ExportFile {
  kind: ExportKind;
  fileName: string;
  bytes: Buffer;
  teamId?: string | null;
  detail?: Record<string, unknown>;
}

type RequestContext = { ipAddress: string | null; userAgent: string | null };

/**
 * Records a finished export (who, when, what, the SHA-256 of its bytes and,
 * for reports, the bytes) with its audit event, in one transaction: the record
 * the verification page looks up. `exportId` lets a document name itself.
 */
export async function recordExport(
  principal: Principal,
  input: ExportFile & { exportId?: string; assessmentId?: string | null; keepContent?: boolean },
  context: RequestContext,
  now: Date = new Date(),
): Promise<RecordedExport> {
  const exportId = input.exportId ?? randomUUID();
  const sha256 = sha256Of(input.bytes);
  await getPrisma().$transaction(async (tx) => {
    await tx.export.create({
      data: {
        id: exportId,
        kind: input.kind,
        status: "DONE",
        requestedById: principal.userId,
        assessmentId: input.assessmentId ?? null,
        teamId: input.teamId ?? null,
        fileName: input.fileName,
        sizeBytes: input.bytes.byteLength,
        sha256,
        content: input.keepContent ? new Uint8Array(input.bytes) : null,
        progress: 100,
        createdAt: now,
        completedAt: new Date(),
      },
    });
    await auditExport(tx, principal, exportId, input, sha256, context, now);
  });
  return { exportId, fileName: input.fileName, bytes: input.bytes, sha256 };
}

/**
 * Completes an export that was queued and is running: the same record and audit
 * event as `recordExport`, on the row made when it was asked for. Null if the
 * row is no longer running (removed, or failed meanwhile): nothing is written.
 */
export async function completeQueuedExport(
  principal: Principal,
  exportId: string,
  input: ExportFile,
  context: RequestContext,
  now: Date = new Date(),
): Promise<RecordedExport | null> {
  const sha256 = sha256Of(input.bytes);
  const done = await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.export.updateMany({
      where: { id: exportId, status: "RUNNING" },
      data: {
        status: "DONE",
        fileName: input.fileName,
        sizeBytes: input.bytes.byteLength,
        sha256,
        content: new Uint8Array(input.bytes),
        teamId: input.teamId ?? null,
        progress: 100,
        error: null,
        completedAt: new Date(),
      },
    });
    if (count === 1) await auditExport(tx, principal, exportId, input, sha256, context, now);
    return count === 1;
  });
  return done ? { exportId, fileName: input.fileName, bytes: input.bytes, sha256 } : null;
}

function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function auditExport(
  tx: Prisma.TransactionClient,
  principal: Principal,
  exportId: string,
  input: ExportFile,
  sha256: string,
  context: RequestContext,
  now: Date,
) {
  await recordAuditEvent(tx, {
    action: `export.${exportKinds.fromDb(input.kind)}` as const,
    ...eventBy(principal, context, now),
    ...about("export", exportId, input.teamId ?? null),
    after: { ...input.detail, fileName: input.fileName, sizeBytes: input.bytes.byteLength, sha256 },
  });
}
