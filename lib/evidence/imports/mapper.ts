// Applying the evidence mapping to an import, one result at a time: each result
// is told the items it bears on as it arrives (so it can be written at once), and
// only per-item aggregates are kept (counts, severities, the first observations),
// never the results themselves: a 100,000-result file costs what its items do.
import type { EvidenceResult } from "../schema";
import { type Mapping, type Status, type Target } from "./mapping";
import type { ImportFormat, ParsedImport, Severity, ToolFinding, ToolRun } from "./types";

export interface MappedImport {
  results: EvidenceResult[];
  /** What could not be mapped or was left out, said plainly. */
  notes: string[];
  mapped: number;
  total: number;
}

/** A run as the mapper needs to know it before its results: its format and its tool. */
export interface RunIdentity {
  format: ImportFormat;
  tool: { name: string; version: string | null };
}

export interface ImportMapper {
  /** The items one result bears on (known items only); its bearing is counted. */
  finding(runIndex: number, run: RunIdentity, finding: ToolFinding): string[];
  /** A run is over: what it left out, what its tool's having run says, Scorecard's checks. */
  endRun(runIndex: number, run: ToolRun & { format: ImportFormat }): void;
  finish(formatLabel: string): MappedImport;
}

const RANK: Record<Status, number> = { met: 0, partially_met: 1, not_met: 2 };
const MAX_OBSERVATIONS = 50;
/** Distinct unmapped rules counted by name per run; beyond, they are counted together. */
const MAX_RULES_NAMED = 1000;
const SEVERITIES = ["critical", "high", "medium", "low"] as const;

type Observation = EvidenceResult["observations"][number];
interface Shown {
  findings: number;
  severities: Record<Severity, number>;
  observations: Observation[];
  because: Set<string>;
  tools: Set<string>;
}
interface Teller {
  label: string;
  name: string;
}
type Bear = (item: string, status: Status, by: Teller, because: string, finding?: ToolFinding) => void;
interface RunState extends Teller {
  tool: Mapping["tools"][number] | undefined;
  kind: keyof Mapping["kinds"] | null;
  count: number;
  unmapped: Map<string, number>;
  contradicted: Set<string>;
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

const labelOf = (run: RunIdentity) => `${run.tool.name}${run.tool.version ? ` ${run.tool.version}` : ""}`;

export function createMapper(mapping: Mapping, known: ReadonlySet<string>): ImportMapper {
  const byItem = new Map<string, Map<Status, Shown>>();
  const notes: string[] = [];
  const runs = new Map<number, RunState>();
  let mapped = 0;
  let total = 0;

  const bear: Bear = (item, status, { label, name }, because, finding) => {
    if (!known.has(item)) return;
    let statuses = byItem.get(item);
    if (!statuses) byItem.set(item, (statuses = new Map()));
    let shown = statuses.get(status);
    if (!shown)
      statuses.set(
        status,
        (shown = { findings: 0, severities: { critical: 0, high: 0, medium: 0, low: 0 }, observations: [], because: new Set(), tools: new Set() }),
      );
    shown.tools.add(label);
    if (!finding) return void shown.because.add(because === "ran" ? "It ran and reported nothing against this item." : `${because}.`);
    shown.findings++;
    if (finding.severity) shown.severities[finding.severity]++;
    if (shown.observations.length < MAX_OBSERVATIONS) {
      shown.observations.push({
        file: finding.file ?? `(${name} report)`,
        line: finding.line,
        message: `${finding.rule}${finding.severity ? ` (${finding.severity})` : ""}: ${finding.message}`.slice(0, 1000),
      });
    }
  };

  const stateOf = (index: number, run: RunIdentity): RunState => {
    let state = runs.get(index);
    if (!state) {
      const tool = mapping.tools.find((t) => pattern(t.match).test(run.tool.name));
      const kind =
        tool?.kind ??
        (run.format === "cyclonedx" || run.format === "spdx" ? "sbom" : run.format === "npm-audit" || run.format === "osv-scanner" ? "sca" : null);
      runs.set(index, (state = { label: labelOf(run), name: run.tool.name, tool, kind, count: 0, unmapped: new Map(), contradicted: new Set() }));
    }
    return state;
  };

  return {
    finding(index, run, finding) {
      const state = stateOf(index, run);
      state.count++;
      total++;
      if (run.format === "scorecard") {
        mapped++;
        return mapping.scorecard.filter((s) => s.check === finding.rule).flatMap((s) => s.items);
      }
      const rule = state.tool?.rules.find((r) => pattern(r.rule).test(finding.rule));
      // An SBOM's vulnerabilities are a composition analysis's findings.
      const kindHere = rule?.kind ?? (run.format === "cyclonedx" ? "sca" : state.kind);
      const kindMap = kindHere ? mapping.kinds[kindHere] : undefined;
      const targets: Target[] = [
        ...(rule?.items ?? []),
        ...(kindMap?.any ?? []),
        ...(finding.severity ? (kindMap?.severity[finding.severity] ?? []) : []),
        ...mapping.cwe.filter((c) => c.cwe.some((n) => finding.cwes.includes(n))).flatMap((c) => c.items.map((item) => ({ item }))),
      ];
      const items: string[] = [];
      for (const t of targets) {
        const status = t.status ?? derived(finding);
        if (!status || items.includes(t.item)) continue;
        items.push(t.item);
        if (status !== "met") state.contradicted.add(t.item);
        bear(t.item, status, state, finding.rule, finding);
      }
      if (items.length) mapped++;
      else {
        const key = state.unmapped.has(finding.rule) || state.unmapped.size < MAX_RULES_NAMED ? finding.rule : "other rules";
        state.unmapped.set(key, (state.unmapped.get(key) ?? 0) + 1);
      }
      return items.filter((i) => known.has(i));
    },

    endRun(index, run) {
      const state = stateOf(index, run);
      for (const { reason, count, example } of run.skipped) {
        notes.push(`${state.label}: ${count} result${count === 1 ? "" : "s"} ${reason}, not counted${example ? ` (for example ${example})` : ""}.`);
      }
      if (run.scorecard) return mapScorecard(run, mapping, state, bear, notes);
      const { tool, kind, unmapped, count } = state;
      if (!tool && !kind) {
        const unmappedCount = [...unmapped.values()].reduce((a, b) => a + b, 0);
        notes.push(
          `${state.label} is not mapped: its ${count} results are kept${unmappedCount < count ? " and mapped by their weaknesses (CWE) where they name one" : ", no item suggested"}. Add it to the evidence mapping to use it.`,
        );
      }
      if (unmapped.size && (tool || kind)) {
        const top = [...unmapped].sort((a, b) => b[1] - a[1]).slice(0, 8);
        notes.push(
          `${state.label}: ${[...unmapped.values()].reduce((a, b) => a + b, 0)} results of rules not mapped to an item: ${top.map(([r, n]) => `${r} (${n})`).join(", ")}${unmapped.size > top.length ? ", …" : ""}.`,
        );
      }
      const ran = [...(kind ? (mapping.kinds[kind]?.ran ?? []) : []), ...(run.format === "cyclonedx" && count ? (mapping.kinds.sca?.ran ?? []) : [])];
      for (const t of ran) {
        if (!state.contradicted.has(t.item)) bear(t.item, t.status ?? "met", state, "ran");
      }
    },

    finish(formatLabel) {
      const results = [...byItem].map(([itemId, statuses]) => itemResult(itemId, statuses, formatLabel));
      return { results, notes, mapped, total };
    },
  };
}

function mapScorecard(run: ToolRun, mapping: Mapping, by: Teller, bear: Bear, notes: string[]) {
  for (const check of run.scorecard ?? []) {
    const entry = mapping.scorecard.find((s) => s.check === check.name);
    if (!entry) continue;
    if (check.score < 0) {
      notes.push(`Scorecard's ${check.name} could not run (${check.reason || "no reason given"}); it judges nothing.`);
      continue;
    }
    const status: Status = check.score >= entry.met ? "met" : check.score >= entry.partially ? "partially_met" : "not_met";
    const warnings = run.findings.filter((f) => f.rule === check.name);
    const because = `${check.name} ${check.score}/10: ${check.reason}`;
    for (const item of entry.items) {
      if (!warnings.length || status === "met") bear(item, status, by, because);
      for (const finding of warnings) bear(item, status, by, because, finding);
    }
  }
}

function itemResult(itemId: string, statuses: Map<Status, Shown>, formatLabel: string): EvidenceResult {
  const status = [...statuses.keys()].reduce<Status>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), "met");
  const shown = statuses.get(status)!;
  const severities = SEVERITIES.filter((s) => shown.severities[s]).map((s) => `${shown.severities[s]} ${s}`);
  const n = shown.findings;
  const detail =
    n > 0
      ? `${n} result${n === 1 ? " bears" : "s bear"} on this item${severities.length ? ` (${severities.join(", ")})` : ""}${n > shown.observations.length ? `; the first ${shown.observations.length} are listed` : ""}.`
      : [...shown.because].join(" ");
  return { itemId, status, summary: `${[...shown.tools].join(", ")} (${formatLabel}): ${detail}`.slice(0, 2000), observations: shown.observations };
}

/** The label an import's summaries give its format: "SARIF 2.1.0", "cyclonedx 1.6". */
export const formatLabel = (parsed: Pick<ParsedImport, "format" | "formatVersion">) =>
  `${parsed.format === "sarif" ? "SARIF" : parsed.format} ${parsed.formatVersion}`;

/** A whole import mapped at once (formats parsed whole, the command line, tests); the items of each result, by run, in order. */
export function applyMapping(parsed: ParsedImport, mapping: Mapping, known: ReadonlySet<string>): MappedImport & { itemsOf: string[][][] } {
  const mapper = createMapper(mapping, known);
  const itemsOf = parsed.runs.map((run, index) => {
    const items = run.findings.map((f) => mapper.finding(index, { format: parsed.format, tool: run.tool }, f));
    mapper.endRun(index, { ...run, format: parsed.format });
    return items;
  });
  return { ...mapper.finish(formatLabel(parsed)), itemsOf };
}
