import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";

export type ExportKind = "ASSESSMENT_PDF" | "PORTFOLIO_PDF" | "ASSESSMENT_CSV" | "ASSESSMENT_JSON" | "FINDINGS_CSV" | "FINDINGS_JSON";

export interface RecordedExport {
  exportId: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Records a finished export (who, when, what, the SHA-256 of its bytes and,
 * for reports, the bytes) with its audit event, in one transaction: the record
 * the verification page looks up. `exportId` lets a document name itself.
 */
export async function recordExport(
  principal: Principal,
  input: {
    kind: ExportKind;
    fileName: string;
    bytes: Buffer;
    exportId?: string;
    teamId?: string | null;
    assessmentId?: string | null;
    keepContent?: boolean;
    detail?: Record<string, unknown>;
  },
  context: { ipAddress: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<RecordedExport> {
  const exportId = input.exportId ?? randomUUID();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
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
    await recordAuditEvent(tx, {
      category: "access",
      action: `export.${input.kind.toLowerCase()}`,
      ...actorOf(principal),
      teamId: input.teamId ?? null,
      targetType: "export",
      targetId: exportId,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      after: { ...input.detail, fileName: input.fileName, sizeBytes: input.bytes.byteLength, sha256 },
      occurredAt: now,
    });
  });
  return { exportId, fileName: input.fileName, bytes: input.bytes, sha256 };
}
