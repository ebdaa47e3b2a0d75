import "server-only";
import type { RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { allItems, latestChecklist } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import { currentMapping } from "../../evidence/imports/current";
import { createMapper, formatLabel } from "../../evidence/imports/mapper";
import { readImport, type ReadImport } from "../../evidence/imports/parse";
import { ImportRefusal, type ParsedImport } from "../../evidence/imports/types";
import { bulkPool } from "../../db/bulk";
import { cleanText } from "../../text/clean";
import { ValidationError } from "../errors";
import { recordEvidence, serviceForEvidence } from "./record";
import { createResultWriter } from "./result-writer";

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
  input: { serviceSlug: string; body: AsyncIterable<Uint8Array> | Uint8Array; fileName: string | null; onStall?: () => void },
  context: RequestContext,
  now: Date = new Date(),
) {
  const service = await serviceForEvidence(principal, input.serviceSlug, now);
  let mapping;
  try {
    mapping = currentMapping();
  } catch (error) {
    throw new ValidationError(`The server's evidence mapping is invalid: ${(error as Error).message}`);
  }
  const known = new Set(allItems(latestChecklist()).map((i) => i.id));
  const mapper = createMapper(mapping, known);
  const fileName = input.fileName ? cleanText(input.fileName).slice(0, 200) : null;
  // Each result is mapped and written as it is read (COPY, in one transaction on a plain connection); only
  // per-item aggregates stay in memory. The suggestions and the drift check follow in a Prisma transaction;
  // should that fail, the import is taken out again, so a refused import leaves nothing behind.
  const writer = createResultWriter({
    serviceId: service.id,
    fileName,
    mappingVersion: mapping.version,
    tokenId: principal.apiToken?.id ?? null,
    submittedById: principal.userId,
    submittedAt: now,
  });
  let read: ReadImport;
  let mapped;
  let importId: string;
  try {
    // The body is read only once the caller may import for this service, and never held whole when it is SARIF.
    read = await readImport(
      input.body instanceof Uint8Array ? [input.body] : input.body,
      {
        finding: (run, tool, finding) => writer.add(tool, finding, mapper.finding(run, { format: "sarif", tool }, finding)),
        settle: writer.settle,
      },
      { onStall: input.onStall },
    );
    const { parsed } = read;
    // Formats parsed whole (and SARIF results that waited for their run's end) come back with their findings.
    parsed.runs.forEach((run, index) => {
      for (const finding of run.findings) writer.add(run.tool, finding, mapper.finding(index, { format: parsed.format, tool: run.tool }, finding));
      mapper.endRun(index, { ...run, format: parsed.format });
    });
    mapped = mapper.finish(formatLabel(parsed));
    importId = await writer.commit({
      format: parsed.format,
      formatVersion: parsed.formatVersion,
      tools: toolsOf(read.parsed),
      sha256: read.sha256,
      byteSize: read.byteSize,
      resultCount: mapped.total,
      mappedCount: mapped.mapped,
      notes: mapped.notes,
    });
  } catch (error) {
    await writer.abort();
    if (error instanceof ImportRefusal) throw new ValidationError(error.message);
    throw error;
  }
  const { parsed, sha256 } = read;
  const tools = toolsOf(parsed);
  const source = cleanText(`${[...new Set(tools.map((t) => `${t.name}${t.version ? ` ${t.version}` : ""}`))].join(", ")} (${parsed.format})`).slice(0, 120);
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
  return {
    import: {
      id: importId,
      format: parsed.format,
      formatVersion: parsed.formatVersion,
      tools,
      sha256,
      results: mapped.total,
      mapped: mapped.mapped,
      notes: mapped.notes,
    },
    service: recorded.service,
    suggested: mapped.results.map((r) => ({ itemId: r.itemId, status: r.status })),
    assessmentUnderWay: recorded.assessmentUnderWay,
    drifted: recorded.drift.drifted,
    currentScore: recorded.drift.currentScore,
  };
}

function toolsOf(parsed: ParsedImport) {
  return parsed.runs.map((r) => ({ name: r.tool.name, version: r.tool.version, producedAt: r.producedAt?.toISOString() ?? null }));
}
