import "server-only";
import type { RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { allItems, latestChecklist } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import { currentMapping } from "../../evidence/imports/current";
import { applyMapping } from "../../evidence/imports/mapping";
import { readImport, type ReadImport } from "../../evidence/imports/parse";
import { ImportRefusal, type ParsedImport } from "../../evidence/imports/types";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { bulkPool } from "../../db/bulk";
import { copyField } from "../../db/copy";
import { cleanText } from "../../text/clean";
import { ValidationError } from "../errors";
import { recordEvidence, serviceForEvidence } from "./record";

/**
 * Takes in a tool's output (SARIF, CycloneDX, SPDX, Scorecard, npm audit,
 * OSV-Scanner) as evidence for a service: every result is kept as the tool gave
 * it, the mapping turns them into per-item suggestions, and those are compared
 * with the latest approval like any other evidence. What the mapping does not
 * cover comes back as notes. A reviewer's right, like submitting evidence.
 */
export async function importEvidence(
  principal: Principal,
  /** The upload as it arrives (the request's body), or bytes already in memory. */
  input: { serviceSlug: string; body: AsyncIterable<Uint8Array> | Uint8Array; fileName: string | null },
  context: RequestContext,
  now: Date = new Date(),
) {
  const service = await serviceForEvidence(principal, input.serviceSlug, now);
  // The body is read only once the caller may import for this service, and never held whole when it is SARIF.
  let read: ReadImport;
  let mapping;
  try {
    read = await readImport(input.body instanceof Uint8Array ? [input.body] : input.body);
    mapping = currentMapping();
  } catch (error) {
    if (error instanceof ImportRefusal) throw new ValidationError(error.message);
    if (error instanceof Error && error.message.startsWith("EVIDENCE_MAPPING_FILE"))
      throw new ValidationError(`The server's evidence mapping is invalid: ${error.message}`);
    throw error;
  }
  const { parsed, sha256, byteSize } = read;
  const known = new Set(allItems(latestChecklist()).map((i) => i.id));
  const mapped = applyMapping(parsed, mapping, known);
  const tools = parsed.runs.map((r) => ({ name: r.tool.name, version: r.tool.version, producedAt: r.producedAt?.toISOString() ?? null }));
  const source = cleanText(`${[...new Set(tools.map((t) => `${t.name}${t.version ? ` ${t.version}` : ""}`))].join(", ")} (${parsed.format})`).slice(0, 120);
  const fileName = input.fileName ? cleanText(input.fileName).slice(0, 200) : null;
  // The import and every result go in first, streamed with COPY on a plain connection (Prisma would hold a
  // 100,000-result file in memory several times over); the suggestions and the drift check follow in one
  // transaction. Should that fail, the import is taken out again, so a refused import leaves nothing behind.
  const importId = await storeImport({
    serviceId: service.id,
    format: parsed.format,
    formatVersion: parsed.formatVersion,
    tools,
    fileName,
    sha256,
    byteSize,
    resultCount: mapped.total,
    mappedCount: mapped.mapped,
    notes: mapped.notes,
    mappingVersion: mapping.version,
    tokenId: principal.apiToken?.id ?? null,
    submittedById: principal.userId,
    submittedAt: now,
    parsed,
    itemsOf: mapped.itemsOf,
  });
  let recorded;
  try {
    recorded = await getPrisma().$transaction((tx) =>
      recordEvidence(tx, {
        principal,
        service,
        source,
        results: mapped.results,
        importId,
        context,
        now,
        audit: { import: importId, format: parsed.format, sha256, results: mapped.total, mapped: mapped.mapped },
      }),
    );
  } catch (error) {
    await bulkPool().query("DELETE FROM evidence_imports WHERE id = $1", [importId]);
    throw error;
  }
  const result = { id: importId, recorded };
  return {
    import: {
      id: result.id,
      format: parsed.format,
      formatVersion: parsed.formatVersion,
      tools,
      sha256,
      results: mapped.total,
      mapped: mapped.mapped,
      notes: mapped.notes,
    },
    service: result.recorded.service,
    suggested: mapped.results.map((r) => ({ itemId: r.itemId, status: r.status })),
    assessmentUnderWay: result.recorded.assessmentUnderWay,
    drifted: result.recorded.drift.drifted,
    currentScore: result.recorded.drift.currentScore,
  };
}

interface ImportRow {
  serviceId: string;
  format: string;
  formatVersion: string;
  tools: unknown;
  fileName: string | null;
  sha256: string;
  byteSize: number;
  resultCount: number;
  mappedCount: number;
  notes: string[];
  mappingVersion: string;
  tokenId: string | null;
  submittedById: string;
  submittedAt: Date;
  parsed: ParsedImport;
  itemsOf: string[][][];
}

/** The import's row and every result as the tool gave it, in one transaction on a plain connection. */
async function storeImport(row: ImportRow): Promise<string> {
  const client = await bulkPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO evidence_imports (service_id, format, format_version, tools, file_name, sha256, byte_size, result_count, mapped_count, notes, mapping_version, token_id, submitted_by_id, submitted_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14) RETURNING id`,
      [
        row.serviceId,
        row.format,
        row.formatVersion,
        JSON.stringify(row.tools),
        row.fileName,
        row.sha256,
        row.byteSize,
        row.resultCount,
        row.mappedCount,
        JSON.stringify(row.notes),
        row.mappingVersion,
        row.tokenId,
        row.submittedById,
        row.submittedAt,
      ],
    );
    const id = rows[0]!.id;
    const lines = function* () {
      for (const [r, run] of row.parsed.runs.entries()) {
        for (const [i, f] of run.findings.entries()) {
          yield `${[id, run.tool.name, run.tool.version, f.rule, f.level, f.severity, f.file, f.line, f.message, row.itemsOf[r]?.[i] ?? []].map(copyField).join("\t")}\n`;
        }
      }
    };
    await pipeline(
      Readable.from(lines()),
      client.query(copyFrom("COPY imported_results (import_id, tool, tool_version, rule, level, severity, file, line, message, item_ids) FROM STDIN")),
    );
    await client.query("COMMIT");
    return id;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
