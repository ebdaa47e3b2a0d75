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
  results: RawResult[];
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
  /** The runs; null when the document has no `runs` (another format); a refusal when it is not JSON or not SARIF 2.1.0. */
  finish(): ToolRun[] | null;
}

/** Reads SARIF as its chunks arrive, keeping only the compacted results. */
export function createSarifReader(): SarifReader {
  const runs: RawRun[] = [];
  const runAt = (index: number) => (runs[index] ??= { tool: null, invocations: [], bases: {}, results: [] });
  let version: unknown;
  let schema: unknown;
  let sawRuns = false;
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
    if (stack.length === 4 && stack[3]?.key === "results") run.results.push(compact(obj(value)));
    else if (stack.length === 4 && stack[3]?.key === "invocations") run.invocations.push(obj(value));
    else if (key === "tool") run.tool = obj(value);
    else if (key === "originalUriBaseIds") run.bases = obj(value);
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
    finish() {
      guard(() => {
        if (!parser.isEnded) parser.end();
      });
      if (failure) throw failure;
      // SARIF names its version as a string ("2.1.0"); CycloneDX's `version` is a number, and other formats have none.
      if (!sawRuns && typeof version !== "string" && !/sarif/i.test(String(schema ?? ""))) return null;
      if (version !== "2.1.0") throw new ImportRefusal(`SARIF ${String(version ?? "without a version").slice(0, 20)} is not read; send SARIF 2.1.0.`);
      // Each run's raw results are let go as soon as they are read into findings.
      return runs.filter(Boolean).map((run) => {
        const finished = finishRun(run);
        run.results = [];
        return finished;
      });
    },
  };
}

const NO_CWES: number[] = [];
const EMPTY: RawResult = {
  ruleId: null,
  ruleIndex: null,
  level: null,
  kind: null,
  message: null,
  uri: null,
  uriBaseId: null,
  line: null,
  suppressed: false,
  absent: false,
  cwes: [],
  securitySeverity: null,
};
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

function finishRun(run: RawRun): ToolRun {
  const driver = obj(obj(run.tool).driver);
  const name = cleanText(str(driver.name)?.trim() || "unnamed tool").slice(0, 120);
  const toolVersion = str(driver.semanticVersion) ?? str(driver.version);
  const rules = [...arr(driver.rules), ...arr(obj(run.tool).extensions).flatMap((e) => arr(obj(e).rules))].map(obj);
  const ruleById = new Map(rules.map((r) => [str(r.id) ?? "", r]));
  const ended = run.invocations.map((i) => Date.parse(str(i.endTimeUtc) ?? str(i.startTimeUtc) ?? "")).find(Number.isFinite);
  const bases = Object.entries(run.bases).map(([id, base]) => [id, str(obj(base).uri) ?? ""] as const);
  const skipped = new Map<string, { count: number; example?: string }>();
  const skip = (reason: string, example?: string) => {
    const entry = skipped.get(reason) ?? { count: 0, example };
    entry.count++;
    skipped.set(reason, entry);
  };
  const findings: ToolFinding[] = [];
  for (let index = 0; index < run.results.length; index++) {
    const raw = run.results[index]!;
    // Let each raw result go once read: a large run never holds both forms of every result.
    run.results[index] = EMPTY;
    if (raw.suppressed) skip("suppressed in the tool");
    else if (raw.absent) skip("absent since the baseline");
    else if (raw.kind && raw.kind !== "fail") skip(`kind "${raw.kind}" is not a problem`);
    else {
      const rule = (raw.ruleIndex !== null ? rules[raw.ruleIndex] : undefined) ?? ruleById.get(raw.ruleId ?? "") ?? {};
      const ruleId = cleanText(raw.ruleId ?? str(rule.id) ?? "(no rule)").slice(0, 200);
      const where = raw.uri === null ? null : locate(raw.uri, raw.uriBaseId, bases);
      if (where && "outside" in where) {
        skip("pointing outside the repository", where.outside.slice(0, 200));
        continue;
      }
      const ruleProperties = obj(rule.properties);
      const level = raw.level ?? str(obj(rule.defaultConfiguration).level) ?? "warning";
      if (level === "none") {
        skip('level "none" is not a problem');
        continue;
      }
      const score = raw.securitySeverity ?? Number(ruleProperties["security-severity"]);
      findings.push({
        rule: ruleId,
        level: level === "error" ? "error" : level === "note" ? "note" : "warning",
        severity: severityFromScore(Number(score)),
        cwes: raw.cwes.length ? [...new Set([...raw.cwes, ...ruleCwes(rule)])] : ruleCwes(rule),
        file: where ? cleanText(where.path).slice(0, 500) : null,
        line: raw.line,
        message: cleanText(raw.message ?? str(obj(rule.shortDescription).text) ?? ruleId).slice(0, MAX_MESSAGE),
      });
    }
  }
  return {
    tool: { name, version: toolVersion ? cleanText(toolVersion).slice(0, 60) : null },
    producedAt: ended === undefined ? null : new Date(ended),
    findings,
    skipped: [...skipped].map(([reason, entry]) => ({ reason, ...entry })),
    components: null,
    scorecard: null,
  };
}

/** A result's file inside the repository: relative as given, or under the run's source root. */
function locate(uri: string, baseId: string | null, bases: (readonly [string, string])[]) {
  for (const [id, base] of bases) {
    if (base && uri.startsWith(base) && (baseId === null || baseId === id)) return repositoryPath(uri.slice(base.length));
  }
  return repositoryPath(uri);
}
