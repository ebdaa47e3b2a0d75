import "server-only";
import { createHash } from "node:crypto";
import { actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { csvLine, FINDING_CSV_COLUMNS } from "../../findings/csv";
import type { FindingFilter } from "../../findings/filter";
import { allFindings } from "./list-findings";

export interface FindingsExport {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  rows: number;
}

/**
 * The findings the principal may see, filtered as on screen, as CSV. Every
 * export is recorded (who, when, what, the SHA-256 of the bytes) and audited.
 */
export async function exportFindingsCsv(
  principal: Principal,
  filter: FindingFilter,
  context: { ipAddress: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<FindingsExport> {
  const lines = [csvLine(FINDING_CSV_COLUMNS)];
  let rows = 0;
  for await (const f of allFindings(principal, filter, now)) {
    lines.push(
      csvLine([f.id, f.itemId, f.title, f.severity, f.status, f.due, f.dueDate, f.openedAt, f.resolvedAt, f.riskAcceptanceExpiresAt, f.service.name, f.service.slug, f.team, f.owner]),
    );
    rows++;
  }
  const bytes = Buffer.from(lines.join(""), "utf8");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileName = `twelvefold-findings-${now.toISOString().slice(0, 10)}.csv`;
  await getPrisma().$transaction(async (tx) => {
    const record = await tx.export.create({
      data: { kind: "FINDINGS_CSV", status: "DONE", requestedById: principal.userId, fileName, sizeBytes: bytes.byteLength, sha256, progress: 100, completedAt: now },
    });
    await recordAuditEvent(tx, {
      category: "access",
      action: "export.findings_csv",
      ...actorOf(principal),
      targetType: "export",
      targetId: record.id,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      // The whole selection is exported, whichever page was on screen.
      after: { filter: { ...filter, page: undefined }, rows, sha256 },
      occurredAt: now,
    });
  });
  return { fileName, bytes, sha256, rows };
}
