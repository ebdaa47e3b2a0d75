// The mapping from tools' rules and checks to checklist items is data
// (lib/checklist/v1/evidence-mapping.json, versioned beside the checklist, plus
// an organisation's own file), validated here; applying it to a parsed import
// is pure, so every format's mapping is unit-tested.
import { z } from "zod";
import BUILT_IN from "../../checklist/v1/evidence-mapping.json";
import type { EvidenceResult } from "../schema";
import type { ParsedImport, Severity, ToolFinding, ToolRun } from "./types";

const itemId = z.string().regex(/^F\d{2}-[A-Z0-9-]{2,60}$/);
const problem = z.enum(["met", "partially_met", "not_met"]);
const target = z.object({ item: itemId, status: problem.optional() });
const regexSource = z.string().refine((p) => {
  try {
    new RegExp(p, "i");
    return true;
  } catch {
    return false;
  }
}, "not a regular expression");
const KIND_NAMES = ["secrets", "sca", "sbom", "sast", "iac", "container"] as const;
const kind = z.enum(KIND_NAMES);

export const mappingSchema = z.object({
  version: z.string().min(1),
  checklist: z.string().min(1),
  about: z.string().optional(),
  kinds: z
    .partialRecord(
      kind,
      z.object({
        ran: z.array(target).default([]),
        any: z.array(target).default([]),
        severity: z.partialRecord(z.enum(["critical", "high", "medium", "low"]), z.array(target)).default({}),
      }),
    )
    .default({}),
  tools: z
    .array(
      z.object({
        name: z.string().min(1),
        match: regexSource,
        kind,
        rules: z.array(z.object({ rule: regexSource, items: z.array(target).default([]), kind: kind.optional() })).default([]),
      }),
    )
    .default([]),
  cwe: z.array(z.object({ cwe: z.array(z.number().int().positive()), items: z.array(itemId) })).default([]),
  scorecard: z.array(z.object({ check: z.string(), items: z.array(itemId), met: z.number().min(0).max(10), partially: z.number().min(0).max(10) })).default([]),
});
export type Mapping = z.infer<typeof mappingSchema>;
type Target = z.infer<typeof target>;
type Status = z.infer<typeof problem>;

export const BUILT_IN_MAPPING: Mapping = mappingSchema.parse(BUILT_IN);

/** An organisation's entries go first, so they win over the built-in ones. */
export function mergeMappings(base: Mapping, extra: Mapping | null): Mapping {
  if (!extra) return base;
  return {
    ...base,
    version: `${base.version}+${extra.version}`,
    kinds: { ...base.kinds, ...extra.kinds },
    tools: [...extra.tools, ...base.tools],
    cwe: [...extra.cwe, ...base.cwe],
    scorecard: [...extra.scorecard, ...base.scorecard],
  };
}

export interface MappedImport {
  results: EvidenceResult[];
  /** Per run, per finding (in order), the items it bears on. */
  itemsOf: string[][][];
  /** What could not be mapped or was left out, said plainly. */
  notes: string[];
  mapped: number;
  total: number;
}

const RANK: Record<Status, number> = { met: 0, partially_met: 1, not_met: 2 };
const MAX_OBSERVATIONS = 50;

interface Bearing {
  status: Status;
  finding?: ToolFinding;
  run: ToolRun;
  because: string;
}

function derived(finding: ToolFinding): Status | null {
  if (finding.severity === "critical" || finding.severity === "high" || finding.level === "error") return "not_met";
  if (finding.level === "note" && finding.severity === null) return null;
  return "partially_met";
}

const compiled = new Map<string, RegExp>();
/** A mapping's pattern, compiled once per process (a 100,000-result file asks the same ones again and again). */
function pattern(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source, "i")));
  return re;
}

const label = (run: ToolRun) => `${run.tool.name}${run.tool.version ? ` ${run.tool.version}` : ""}`;

export function applyMapping(parsed: ParsedImport, mapping: Mapping, known: ReadonlySet<string>): MappedImport {
  const byItem = new Map<string, Bearing[]>();
  const bear = (item: string, bearing: Bearing) => {
    if (!known.has(item)) return;
    const list = byItem.get(item);
    if (list) list.push(bearing);
    else byItem.set(item, [bearing]);
  };
  const notes: string[] = [];
  const itemsOf: string[][][] = [];
  let mapped = 0;
  let total = 0;
  for (const run of parsed.runs) {
    const tool = mapping.tools.find((t) => pattern(t.match).test(run.tool.name));
    const runKind =
      tool?.kind ??
      (parsed.format === "cyclonedx" || parsed.format === "spdx" ? "sbom" : parsed.format === "npm-audit" || parsed.format === "osv-scanner" ? "sca" : null);
    for (const { reason, count, example } of run.skipped) {
      notes.push(`${label(run)}: ${count} result${count === 1 ? "" : "s"} ${reason}, not counted${example ? ` (for example ${example})` : ""}.`);
    }
    if (run.scorecard) {
      mapScorecard(run, mapping, bear, notes);
      itemsOf.push(run.findings.map((f) => mapping.scorecard.filter((s) => s.check === f.rule).flatMap((s) => s.items)));
      total += run.findings.length;
      mapped += run.findings.length;
      continue;
    }
    const unmappedRules = new Map<string, number>();
    const runItems: string[][] = [];
    const contradicted = new Set<string>();
    for (const finding of run.findings) {
      total++;
      const rule = tool?.rules.find((r) => pattern(r.rule).test(finding.rule));
      // An SBOM's vulnerabilities are a composition analysis's findings.
      const kindHere = rule?.kind ?? (parsed.format === "cyclonedx" ? "sca" : runKind);
      const kindMap = kindHere ? mapping.kinds[kindHere] : undefined;
      const targets: Target[] = [
        ...(rule?.items ?? []),
        ...(kindMap?.any ?? []),
        ...(finding.severity ? (kindMap?.severity[finding.severity as Severity] ?? []) : []),
        ...mapping.cwe.filter((c) => c.cwe.some((n) => finding.cwes.includes(n))).flatMap((c) => c.items.map((item) => ({ item }))),
      ];
      const items: string[] = [];
      for (const t of targets) {
        const status = t.status ?? derived(finding);
        if (!status || items.includes(t.item)) continue;
        items.push(t.item);
        if (status !== "met") contradicted.add(t.item);
        bear(t.item, { status, finding, run, because: `${finding.rule}` });
      }
      runItems.push(items.filter((i) => known.has(i)));
      if (items.length) mapped++;
      else unmappedRules.set(finding.rule, (unmappedRules.get(finding.rule) ?? 0) + 1);
    }
    itemsOf.push(runItems);
    if (!tool && !runKind) {
      notes.push(
        `${label(run)} is not mapped: its ${run.findings.length} results are kept${unmappedRules.size < run.findings.length ? " and mapped by their weaknesses (CWE) where they name one" : ", no item suggested"}. Add it to the evidence mapping to use it.`,
      );
    }
    if (unmappedRules.size && (tool || runKind)) {
      const top = [...unmappedRules].sort((a, b) => b[1] - a[1]).slice(0, 8);
      notes.push(
        `${label(run)}: ${[...unmappedRules.values()].reduce((a, b) => a + b, 0)} results of rules not mapped to an item: ${top.map(([r, n]) => `${r} (${n})`).join(", ")}${unmappedRules.size > top.length ? ", …" : ""}.`,
      );
    }
    const ran = [
      ...(runKind ? (mapping.kinds[runKind]?.ran ?? []) : []),
      ...(parsed.format === "cyclonedx" && run.findings.length ? (mapping.kinds.sca?.ran ?? []) : []),
    ];
    for (const t of ran) {
      if (!contradicted.has(t.item)) bear(t.item, { status: t.status ?? "met", run, because: "ran" });
    }
  }
  return { results: [...byItem].map(([item, bearings]) => itemResult(item, bearings, parsed)), itemsOf, notes, mapped, total };
}

function mapScorecard(run: ToolRun, mapping: Mapping, bear: (item: string, b: Bearing) => void, notes: string[]) {
  for (const check of run.scorecard ?? []) {
    const entry = mapping.scorecard.find((s) => s.check === check.name);
    if (!entry) continue;
    if (check.score < 0) {
      notes.push(`Scorecard's ${check.name} could not run (${check.reason || "no reason given"}); it judges nothing.`);
      continue;
    }
    const status: Status = check.score >= entry.met ? "met" : check.score >= entry.partially ? "partially_met" : "not_met";
    const warnings = run.findings.filter((f) => f.rule === check.name);
    for (const item of entry.items) {
      if (!warnings.length || status === "met") bear(item, { status, run, because: `${check.name} ${check.score}/10: ${check.reason}` });
      for (const finding of warnings) bear(item, { status, finding, run, because: `${check.name} ${check.score}/10: ${check.reason}` });
    }
  }
}

function itemResult(itemId: string, bearings: Bearing[], parsed: ParsedImport): EvidenceResult {
  const status = bearings.reduce<Status>((worst, b) => (RANK[b.status] > RANK[worst] ? b.status : worst), "met");
  const shown = bearings.filter((b) => b.status === status);
  const withFinding = shown.filter((b) => b.finding);
  const observations = withFinding.slice(0, MAX_OBSERVATIONS).map(({ finding, run }) => ({
    file: finding!.file ?? `(${run.tool.name} report)`,
    line: finding!.line,
    message: `${finding!.rule}${finding!.severity ? ` (${finding!.severity})` : ""}: ${finding!.message}`.slice(0, 1000),
  }));
  const tools = [...new Set(shown.map((b) => label(b.run)))].join(", ");
  const format = parsed.format === "sarif" ? "SARIF" : parsed.format;
  const severities = (["critical", "high", "medium", "low"] as const)
    .map((s) => [s, withFinding.filter((b) => b.finding!.severity === s).length] as const)
    .filter(([, n]) => n);
  const detail =
    withFinding.length > 0
      ? `${withFinding.length} result${withFinding.length === 1 ? " bears" : "s bear"} on this item${severities.length ? ` (${severities.map(([s, n]) => `${n} ${s}`).join(", ")})` : ""}${withFinding.length > observations.length ? `; the first ${observations.length} are listed` : ""}.`
      : [...new Set(shown.map((b) => (b.because === "ran" ? "It ran and reported nothing against this item." : `${b.because}.`)))].join(" ");
  return { itemId, status, summary: `${tools} (${format} ${parsed.formatVersion}): ${detail}`.slice(0, 2000), observations };
}
