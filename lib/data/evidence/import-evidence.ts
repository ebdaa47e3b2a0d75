import "server-only";
import type { RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { allItems, latestChecklist } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import { currentMapping } from "../../evidence/imports/current";
import { applyMapping } from "../../evidence/imports/mapping";
import { readImport, type ReadImport } from "../../evidence/imports/parse";
import { ImportRefusal, type ParsedImport } from "../../evidence/imports/types";
import type { Prisma } from "../../generated/prisma/client";
import { cleanText } from "../../text/clean";
import { ValidationError } from "../errors";
import { recordEvidence, serviceForEvidence } from "./record";

const BATCH = 2000;

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
  const result = await getPrisma().$transaction(
    async (tx) => {
      const record = await tx.evidenceImport.create({
        data: {
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
        },
        select: { id: true },
      });
      await storeResults(tx, record.id, parsed, mapped.itemsOf);
      const recorded = await recordEvidence(tx, {
        principal,
        service,
        source,
        results: mapped.results,
        importId: record.id,
        context,
        now,
        audit: { import: record.id, format: parsed.format, sha256, results: mapped.total, mapped: mapped.mapped },
      });
      return { id: record.id, recorded };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
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

/** Every result as the tool gave it, in batches of one statement each. */
async function storeResults(tx: Prisma.TransactionClient, importId: string, parsed: ParsedImport, itemsOf: string[][][]) {
  const rows = parsed.runs.flatMap((run, r) => run.findings.map((f, i) => ({ run, f, items: itemsOf[r]?.[i] ?? [] })));
  for (let at = 0; at < rows.length; at += BATCH) {
    const batch = rows.slice(at, at + BATCH);
    await tx.$executeRaw`
      INSERT INTO imported_results (import_id, tool, tool_version, rule, level, severity, file, line, message, item_ids)
      SELECT ${importId}::uuid, v.tool, v.tool_version, v.rule, v.level, v.severity, v.file, v.line, v.message,
             CASE WHEN v.items = '' THEN ARRAY[]::text[] ELSE string_to_array(v.items, ',') END
      FROM unnest(${batch.map((b) => b.run.tool.name)}::text[], ${batch.map((b) => b.run.tool.version)}::text[], ${batch.map((b) => b.f.rule)}::text[],
                  ${batch.map((b) => b.f.level)}::text[], ${batch.map((b) => b.f.severity)}::text[], ${batch.map((b) => b.f.file)}::text[],
                  ${batch.map((b) => b.f.line)}::int[], ${batch.map((b) => b.f.message)}::text[], ${batch.map((b) => b.items.join(","))}::text[])
        AS v(tool, tool_version, rule, level, severity, file, line, message, items)`;
  }
}
