import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "../../checklist";
import { applyMapping, createMapper, formatLabel } from "./mapper";
import { BUILT_IN_MAPPING } from "./mapping";
import { ImportStalled, parseImport, readImport } from "./parse";
import { MAX_SARIF_RESULTS } from "./sarif";
import type { ToolFinding } from "./types";

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/imports/${name}`, import.meta.url));
const known = new Set(allItems(latestChecklist()).map((i) => i.id));
const pieces = (bytes: Uint8Array, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

/** Reads a file through the streaming path, as the import does: results to a sink, mapped one by one. */
async function streamed(bytes: Uint8Array, chunk = 64) {
  const mapper = createMapper(BUILT_IN_MAPPING, known);
  const rows: { tool: string; finding: ToolFinding; items: string[] }[] = [];
  const seenAtSettle: number[] = [];
  const read = await readImport(pieces(bytes, chunk), {
    finding: (run, tool, finding) => rows.push({ tool: tool.name, finding, items: mapper.finding(run, { format: "sarif", tool }, finding) }),
    settle: async () => void seenAtSettle.push(rows.length),
  });
  read.parsed.runs.forEach((run, index) => {
    for (const finding of run.findings)
      rows.push({ tool: run.tool.name, finding, items: mapper.finding(index, { format: read.parsed.format, tool: run.tool }, finding) });
    mapper.endRun(index, { ...run, format: read.parsed.format });
  });
  return { read, rows, seenAtSettle, mapped: mapper.finish(formatLabel(read.parsed)) };
}

describe("SARIF read as it streams", () => {
  it("gives each result to the sink as its chunk is read, and maps it as a whole read would", async () => {
    for (const name of ["trivy.sarif", "semgrep.sarif", "unmapped-tool.sarif", "gitleaks-clean.sarif"]) {
      const whole = parseImport(fixture(name));
      const wholeMapped = applyMapping(whole, BUILT_IN_MAPPING, known);
      const { read, rows, seenAtSettle, mapped } = await streamed(fixture(name));
      expect(rows.map((r) => r.finding)).toEqual(whole.runs.flatMap((r) => r.findings));
      expect(rows.map((r) => r.items)).toEqual(wholeMapped.itemsOf.flat());
      expect(mapped).toEqual({ results: wholeMapped.results, notes: wholeMapped.notes, mapped: wholeMapped.mapped, total: wholeMapped.total });
      // The results left before the end, and the runs come back without them.
      if (rows.length) expect(seenAtSettle.at(-1)).toBe(rows.length);
      expect(read.parsed.runs.every((r) => r.findings.length === 0)).toBe(true);
    }
  });

  it("reads a run whose results come before its tool and base ids exactly as one in the usual order", async () => {
    const doc = JSON.parse(fixture("trivy.sarif").toString("utf8"));
    const { tool, originalUriBaseIds, invocations, results } = doc.runs[0];
    const reordered = Buffer.from(JSON.stringify({ ...doc, runs: [{ results, invocations, tool, originalUriBaseIds }] }));
    const usual = await streamed(fixture("trivy.sarif"));
    const late = await streamed(reordered);
    expect(late.rows).toEqual(usual.rows);
    expect(late.read.parsed.runs[0]!.skipped).toEqual(usual.read.parsed.runs[0]!.skipped);
    expect(late.read.parsed.runs[0]!.producedAt).toEqual(usual.read.parsed.runs[0]!.producedAt);
    // Nothing could be read before the tool arrived: every result waited for the end.
    expect(late.seenAtSettle.filter((n) => n > 0)).toEqual([]);
  });

  it("refuses a log with more results than it keeps", () => {
    const results = Array.from({ length: MAX_SARIF_RESULTS + 1 }, () => "{}").join(",");
    const text = `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[${results}]}]}`;
    expect(() => parseImport(Buffer.from(text))).toThrow(/at most 500,000 results/);
  });

  it("keeps per item a count, severities and the first fifty observations, not every result", () => {
    const results = Array.from({ length: 120 }, (_, i) => ({
      ruleId: "generic.secrets.security.detected-aws-access-key",
      level: "error",
      message: { text: `key ${i}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.ts` }, region: { startLine: i + 1 } } }],
      properties: { "security-severity": i % 2 ? "9.5" : "7.5", tags: ["CWE-798: Use of Hard-coded Credentials"] },
    }));
    const doc = { version: "2.1.0", runs: [{ tool: { driver: { name: "Semgrep OSS", version: "1.97.0" } }, results }] };
    const mapped = applyMapping(parseImport(Buffer.from(JSON.stringify(doc))), BUILT_IN_MAPPING, known);
    const secrets = mapped.results.find((r) => r.itemId === "F03-NO-SECRETS-IN-CODE");
    expect(secrets?.status).toBe("not_met");
    expect(secrets?.observations).toHaveLength(50);
    expect(secrets?.observations[0]).toMatchObject({ file: "src/f0.ts", line: 1 });
    expect(secrets?.summary).toMatch(/120 results bear on this item \(60 critical, 60 high\); the first 50 are listed/);
  });

  it("drops an upload that stops sending, and says so to whoever holds its body", async () => {
    let stalled = 0;
    async function* stalling() {
      yield Buffer.from('{"version":"2.1.0","runs":[');
      await new Promise(() => undefined);
    }
    await expect(readImport(stalling(), undefined, { idleMs: 20, onStall: () => stalled++ })).rejects.toBeInstanceOf(ImportStalled);
    expect(stalled).toBe(1);
  });

  it("drops an upload that trickles on past its time in all", async () => {
    async function* trickle() {
      yield Buffer.from('{"version":"2.1.0","runs":[');
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        yield Buffer.from(" ");
      }
    }
    await expect(readImport(trickle(), undefined, { idleMs: 1000, totalMs: 30 })).rejects.toThrow(/took longer than/);
  });
});
