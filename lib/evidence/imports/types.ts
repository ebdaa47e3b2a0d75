// What an imported tool output becomes before it is mapped to checklist items:
// per tool run, the tool, its version and time, and each result with its rule,
// level, severity, weaknesses (CWE), file and line. Every format reads into this.

export const IMPORT_FORMATS = ["sarif", "cyclonedx", "spdx", "scorecard", "npm-audit", "osv-scanner"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type Severity = "critical" | "high" | "medium" | "low";

export interface ToolFinding {
  rule: string;
  /** SARIF's level; "error" for a vulnerability or a failed check. */
  level: "error" | "warning" | "note";
  /** A vulnerability's or a rule's security severity, when the tool gives one. */
  severity: Severity | null;
  cwes: number[];
  /** Relative to the repository root, or null for a result about no file (a package). */
  file: string | null;
  line: number | null;
  message: string;
}

/** An OpenSSF Scorecard check: its score from 0 to 10, or -1 when it could not run. */
export interface ScorecardCheck {
  name: string;
  score: number;
  reason: string;
  /** Where the check saw its evidence, as Scorecard prints it (`Warn: … path:line`). */
  details: string[];
}

export interface ToolRun {
  tool: { name: string; version: string | null };
  /** When the tool says it ran, if it does. */
  producedAt: Date | null;
  findings: ToolFinding[];
  /** Results left out before mapping, and why (suppressed, outside the repository). */
  skipped: { reason: string; count: number; example?: string }[];
  /** An SBOM's component count; null for other formats. */
  components: number | null;
  scorecard: ScorecardCheck[] | null;
}

export interface ParsedImport {
  format: ImportFormat;
  /** "2.1.0", "1.6", "SPDX-2.3", "v2", "npm audit 2". */
  formatVersion: string;
  runs: ToolRun[];
}

/** Input Twelvefold will not take, said plainly; the API answers it with a 422. */
export class ImportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefusal";
  }
}

export function severityFromScore(score: number): Severity | null {
  if (!Number.isFinite(score) || score <= 0) return null;
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return "low";
}

export function severityFromWord(word: unknown): Severity | null {
  const w = typeof word === "string" ? word.trim().toLowerCase() : "";
  if (w === "critical") return "critical";
  if (w === "high" || w === "error") return "high";
  if (w === "medium" || w === "moderate") return "medium";
  if (w === "low" || w === "info" || w === "informational" || w === "negligible") return "low";
  return null;
}

/** CWE numbers in a tag, a taxon or a reference ("external/cwe/cwe-798", "CWE-798: …"). */
export function cwesIn(values: unknown[]): number[] {
  const found = new Set<number>();
  for (const value of values) {
    if (typeof value !== "string") continue;
    for (const match of value.matchAll(/\bcwe[-_/ ]?(\d{1,5})\b/gi)) found.add(Number(match[1]));
  }
  return [...found];
}

/**
 * A result's location as a path inside the repository, or a reason it is not one:
 * an absolute path, another scheme, or one that climbs out with "..".
 */
export function repositoryPath(uri: string): { path: string } | { outside: string } {
  let value = uri.trim();
  if (/^file:/i.test(value)) return { outside: uri };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) return { outside: uri };
  if (/^([a-z]:)?[\\/]/i.test(value)) return { outside: uri };
  try {
    value = decodeURIComponent(value);
  } catch {
    return { outside: uri };
  }
  const parts: string[] = [];
  for (const part of value.replaceAll("\\", "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!parts.length) return { outside: uri };
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? { path: parts.join("/") } : { outside: uri };
}
