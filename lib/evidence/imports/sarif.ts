// SARIF 2.1.0 from any tool, read as it streams: each result is reduced to what
// Twelvefold keeps (rule, level, severity, CWE, file, line, message) as soon as
// it is parsed, so a 50 MB file never becomes a 50 MB object tree.
import { JSONParser } from "@streamparser/json";
import { cleanText } from "../../text/clean";
import { cwesIn, ImportRefusal, repositoryPath, severityFromScore, type ToolFinding, type ToolRun } from "./types";

const MAX_MESSAGE = 1000;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

interface RawResult {
  ruleId: string | null;
  ruleIndex: number | null;
  level: string | null;
  kind: string | null;
  message: string | null;
  uri: string | null;
  uriBaseId: string | null;
  line: number | null;
  suppressed: boolean;
  absent: boolean;
  /** The weaknesses its own tags and taxa name (the rule's are added later). */
  cwes: number[];
  securitySeverity: number | null;
}

interface RawRun {
  tool: Json | null;
  invocations: Json[];
  bases: Json;
  basesSeen: boolean;
  /** Read once the tool (its rules) is known; until then, and for absolute paths before the base ids, results wait here. */
  reader: RunReader | null;
  waiting: RawResult[];
  findings: ToolFinding[];
}

/**
 * A copy of a string the parser made. The parser's strings can be slices of the
 * text of a whole chunk, and a kept slice keeps its chunk alive: 100,000 kept
 * messages would hold the whole file in memory.
 */
function fresh(value: string | null): string | null {
  return value === null ? null : Buffer.from(value, "utf8").toString("utf8");
}

function compact(result: Json): RawResult {
  const location = obj(obj(arr(result.locations)[0]).physicalLocation);
  const artifact = obj(location.artifactLocation);
  const startLine = obj(location.region).startLine;
  const properties = obj(result.properties);
  const rule = obj(result.rule);
  const severity = Number(properties["security-severity"]);
  return {
    ruleId: fresh(str(result.ruleId) ?? str(rule.id)),
    ruleIndex: typeof result.ruleIndex === "number" ? result.ruleIndex : typeof rule.index === "number" ? rule.index : null,
    level: str(result.level),
    kind: str(result.kind),
    message: fresh(str(obj(result.message).text)?.slice(0, MAX_MESSAGE) ?? null),
    uri: fresh(str(artifact.uri)),
    uriBaseId: fresh(str(artifact.uriBaseId)),
    line: Number.isInteger(startLine) && (startLine as number) > 0 ? (startLine as number) : null,
    // A suppression under review or rejected still counts, as SARIF says.
    suppressed: arr(result.suppressions).some((s) => !["underReview", "rejected"].includes(str(obj(s).status) ?? "")),
    absent: result.baselineState === "absent",
    cwes: properties.tags || result.taxa ? cwesIn([...arr(properties.tags), ...arr(result.taxa).map((t) => str(obj(t).id) ?? "")]) : NO_CWES,
    securitySeverity: Number.isFinite(severity) ? severity : null,
  };
}

export interface SarifReader {
  /** Feeds the next chunk; a refusal (not JSON, too many runs) is kept for `finish`. */
  write(chunk: Uint8Array): void;
  /** True once the document is known to be SARIF (it has runs): nothing else need be kept to parse it another way. */
  readonly isSarif: boolean;
  /** The runs; null when the document has no `runs` (another format); a refusal when it is not JSON or not SARIF 2.1.0. */
  finish(): ToolRun[] | null;
}

/** Where each result goes as soon as it is read; without one, the runs keep their findings. */
export type FindingSink = (runIndex: number, tool: ToolRun["tool"], finding: ToolFinding) => void;

/** A SARIF log has at most this many results in all: each is kept as a row. */
export const MAX_SARIF_RESULTS = 500_000;

/** Reads SARIF as its chunks arrive: each result becomes a finding as soon as its run's tool is known. */
export function createSarifReader(sink?: FindingSink): SarifReader {
  const runs: RawRun[] = [];
  const runAt = (index: number) => (runs[index] ??= { tool: null, invocations: [], bases: {}, basesSeen: false, reader: null, waiting: [], findings: [] });
  const emit = (index: number, run: RawRun) => (finding: ToolFinding) => (sink ? sink(index, run.reader!.tool, finding) : run.findings.push(finding));
  let version: unknown;
  let schema: unknown;
  let sawRuns = false;
  let results = 0;
  let failure: ImportRefusal | null = null;
  const parser = new JSONParser({
    paths: ["$.version", "$.$schema", "$.runs.*.tool", "$.runs.*.invocations.*", "$.runs.*.originalUriBaseIds", "$.runs.*.results.*"],
    keepStack: false,
  });
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1 && key === "version") return void (version = value);
    if (stack.length === 1 && key === "$schema") return void (schema = value);
    sawRuns = true;
    const runIndex = Number(stack[2]?.key);
    if (!Number.isInteger(runIndex) || runIndex > 1000) throw new ImportRefusal("A SARIF log has at most 1,000 runs.");
    const run = runAt(runIndex);
    if (stack.length === 4 && stack[3]?.key === "results") {
      if (++results > MAX_SARIF_RESULTS)
        throw new ImportRefusal(`A SARIF log has at most ${MAX_SARIF_RESULTS.toLocaleString("en")} results; split it by run or by tool.`);
      const raw = compact(obj(value));
      // An absolute location may yet be under a base id the run names later; it waits for the end.
      if (run.reader && (run.basesSeen || !raw.uri || !ABSOLUTE.test(raw.uri))) run.reader.read(raw, emit(runIndex, run));
      else run.waiting.push(raw);
    } else if (stack.length === 4 && stack[3]?.key === "invocations") run.invocations.push(obj(value));
    else if (key === "tool") {
      run.tool = obj(value);
      run.reader = runReader(run);
    } else if (key === "originalUriBaseIds") {
      run.bases = obj(value);
      run.basesSeen = true;
      if (run.reader) run.reader = runReader(run, run.reader);
    }
  };
  const guard = (step: () => void) => {
    if (failure) return;
    try {
      step();
    } catch (error) {
      failure = error instanceof ImportRefusal ? error : new ImportRefusal(`The file is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
    }
  };
  return {
    write: (chunk) => guard(() => parser.write(chunk)),
    get isSarif() {
      return sawRuns;
    },
    finish() {
      guard(() => {
        if (!parser.isEnded) parser.end();
      });
      if (failure) throw failure;
      // SARIF names its version as a string ("2.1.0"); CycloneDX's `version` is a number, and other formats have none.
      if (!sawRuns && typeof version !== "string" && !/sarif/i.test(String(schema ?? ""))) return null;
      if (version !== "2.1.0") throw new ImportRefusal(`SARIF ${String(version ?? "without a version").slice(0, 20)} is not read; send SARIF 2.1.0.`);
      // Every run up to the last one read, so a run's place is the index its results were given under.
      return Array.from(runs, (given, index) => {
        const run = given ?? runAt(index);
        const reader = (run.reader = runReader(run, run.reader));
        for (const raw of run.waiting) reader.read(raw, emit(index, run));
        run.waiting = [];
        return {
          tool: reader.tool,
          producedAt: reader.producedAt,
          findings: run.findings,
          skipped: [...reader.skipped].map(([reason, entry]) => ({ reason, ...entry })),
          components: null,
          scorecard: null,
        };
      });
    },
  };
}

const ABSOLUTE = /^([a-z][a-z0-9+.-]*:|[\\/])/i;
const NO_CWES: number[] = [];
const cweCache = new WeakMap<Json, number[]>();
/** A rule's weaknesses, from its tags and its relationships to CWE taxa; worked out once per rule. */
function ruleCwes(rule: Json): number[] {
  let cwes = cweCache.get(rule);
  if (!cwes) {
    const relationships = arr(rule.relationships).map((r) => str(obj(obj(r).target).id) ?? "");
    cwes = cwesIn([...arr(obj(rule.properties).tags), ...relationships, ...arr(rule.cwe)]);
    cweCache.set(rule, cwes);
  }
  return cwes;
}

interface RunReader {
  tool: ToolRun["tool"];
  producedAt: Date | null;
  skipped: Map<string, { count: number; example?: string }>;
  /** Turns one result into a finding (given to `emit`) or counts why it is left out. */
  read(raw: RawResult, emit: (finding: ToolFinding) => void): void;
}

/** A run's reader, from its tool, invocations and base ids as read so far; what an earlier reader left out is carried over. */
function runReader(run: RawRun, earlier?: RunReader | null): RunReader {
  const driver = obj(obj(run.tool).driver);
  const name = cleanText(str(driver.name)?.trim() || "unnamed tool").slice(0, 120);
  const toolVersion = str(driver.semanticVersion) ?? str(driver.version);
  const rules = [...arr(driver.rules), ...arr(obj(run.tool).extensions).flatMap((e) => arr(obj(e).rules))].map(obj);
  const ruleById = new Map(rules.map((r) => [str(r.id) ?? "", r]));
  const ended = run.invocations.map((i) => Date.parse(str(i.endTimeUtc) ?? str(i.startTimeUtc) ?? "")).find(Number.isFinite);
  const bases = Object.entries(run.bases).map(([id, base]) => [id, str(obj(base).uri) ?? ""] as const);
  const skipped = earlier?.skipped ?? new Map<string, { count: number; example?: string }>();
  const skip = (reason: string, example?: string) => {
    const entry = skipped.get(reason) ?? { count: 0, example };
    entry.count++;
    skipped.set(reason, entry);
  };
  return {
    tool: { name, version: toolVersion ? cleanText(toolVersion).slice(0, 60) : null },
    producedAt: ended === undefined ? null : new Date(ended),
    skipped,
    read(raw, emit) {
      if (raw.suppressed) return skip("suppressed in the tool");
      if (raw.absent) return skip("absent since the baseline");
      if (raw.kind && raw.kind !== "fail") return skip(`kind "${raw.kind}" is not a problem`);
      const rule = (raw.ruleIndex !== null ? rules[raw.ruleIndex] : undefined) ?? ruleById.get(raw.ruleId ?? "") ?? {};
      const ruleId = cleanText(raw.ruleId ?? str(rule.id) ?? "(no rule)").slice(0, 200);
      const where = raw.uri === null ? null : locate(raw.uri, raw.uriBaseId, bases);
      if (where && "outside" in where) return skip("pointing outside the repository", where.outside.slice(0, 200));
      const ruleProperties = obj(rule.properties);
      const level = raw.level ?? str(obj(rule.defaultConfiguration).level) ?? "warning";
      if (level === "none") return skip('level "none" is not a problem');
      const score = raw.securitySeverity ?? Number(ruleProperties["security-severity"]);
      emit({
        rule: ruleId,
        level: level === "error" ? "error" : level === "note" ? "note" : "warning",
        severity: severityFromScore(Number(score)),
        cwes: raw.cwes.length ? [...new Set([...raw.cwes, ...ruleCwes(rule)])] : ruleCwes(rule),
        file: where ? cleanText(where.path).slice(0, 500) : null,
        line: raw.line,
        message: cleanText(raw.message ?? str(obj(rule.shortDescription).text) ?? ruleId).slice(0, MAX_MESSAGE),
      });
    },
  };
}

/** A result's file inside the repository: relative as given, or under the run's source root. */
function locate(uri: string, baseId: string | null, bases: (readonly [string, string])[]) {
  for (const [id, base] of bases) {
    if (base && uri.startsWith(base) && (baseId === null || baseId === id)) return repositoryPath(uri.slice(base.length));
  }
  return repositoryPath(uri);
}
