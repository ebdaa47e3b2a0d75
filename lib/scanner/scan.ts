// Runs every rule over a repository and turns what they found into evidence
// for checklist items, in the shape the API accepts (lib/evidence/schema.ts).
import { readFileSync } from "node:fs";
import { lineDigest } from "../evidence/drift";
import type { EvidenceResult } from "../evidence/schema";
import { readRepo, type Repo } from "./repo";
import { worst, type Finding, type ItemLink, type Rule, type RuleOutcome } from "./rule";
import { RULES } from "./rules";

export const TOOL_NAME = "twelvefold-scan";
export const TOOL_VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
const MAX_OBSERVATIONS = 50;
const MAX_SUMMARY = 2000;

export interface CheckReport extends RuleOutcome {
  rule: Pick<Rule, "id" | "title" | "description"> & { items: string[] };
}

export interface ScanReport {
  tool: { name: string; version: string };
  root: string;
  fileSource: Repo["source"];
  filesScanned: number;
  checks: CheckReport[];
  results: EvidenceResult[];
}

export function scanRepository(root: string, options: { exclude?: string[] } = {}): ScanReport {
  const repo = readRepo(root, options.exclude);
  const judged = RULES.map((rule) => ({ rule, links: rule.items, outcome: rule.check(repo) }));
  const checks: CheckReport[] = judged.map(({ rule, outcome }) => ({
    rule: { id: rule.id, title: rule.title, description: rule.description, items: rule.items.map((link) => link.itemId) },
    ...outcome,
  }));
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: repo.root,
    fileSource: repo.source,
    filesScanned: repo.files.length,
    checks,
    results: withDigests(itemResults(judged), repo),
  };
}

/** Each observation on a line carries the line's digest, so a later scan can tell the cited line changed (drift). */
function withDigests(results: EvidenceResult[], repo: Repo): EvidenceResult[] {
  const files = new Map(repo.files.map((file) => [file.path, file]));
  return results.map((result) => ({
    ...result,
    observations: result.observations.map((o) => {
      const text = o.line === null ? undefined : files.get(o.file)?.lines[o.line - 1];
      return text === undefined ? o : { ...o, digest: lineDigest(text) };
    }),
  }));
}

/**
 * One result per item some rule could judge: the worst verdict among them, and
 * the findings behind it.
 */
export function itemResults(judged: { links: ItemLink[]; outcome: RuleOutcome }[]): EvidenceResult[] {
  const itemIds = [...new Set(judged.flatMap(({ links }) => links.map((link) => link.itemId)))];
  return itemIds.flatMap((itemId) => {
    const linked = judged.flatMap(({ links, outcome }) => {
      const link = links.find((l) => l.itemId === itemId);
      return link && outcome.verdict !== null ? [{ check: outcome, claimsMet: link.claimsMet }] : [];
    });
    // Without a rule that may claim the item or a problem, there is nothing to suggest;
    // with one, a clean partial rule adds its evidence (a non-root USER to a good port).
    if (!linked.some(({ check, claimsMet }) => claimsMet || check.verdict !== "met")) return [];
    const bearing = linked.map(({ check }) => check);
    const status = worst(bearing.map((check) => check.verdict!));
    const findings: Finding[] = bearing.flatMap((check) => check.findings).filter((f) => status === "met" || f.verdict !== "met");
    const shown = findings.slice(0, MAX_OBSERVATIONS);
    const more = findings.length > shown.length ? ` (${shown.length} of ${findings.length} observations listed)` : "";
    const summary = (bearing.map((check) => check.summary).join(" ") + more).slice(0, MAX_SUMMARY);
    // Within the API's limits, so one odd path cannot get the whole submission refused.
    const observations = shown.map(({ file, line, message }) => ({ file: file.slice(0, 500), line, message: message.slice(0, 1000) }));
    return [{ itemId, status, summary, observations }];
  });
}
