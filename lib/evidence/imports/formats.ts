// SBOMs (CycloneDX 1.4–1.6, SPDX 2.2–2.3), OpenSSF Scorecard (v2 JSON),
// `npm audit --json` (report versions 1 and 2) and OSV-Scanner JSON, each read
// into tool runs. These are parsed whole, so they are held to a smaller size
// than SARIF, which streams (sarif.ts).
import { cleanDeep, cleanText } from "../../text/clean";
import { cwesIn, ImportRefusal, repositoryPath, severityFromScore, severityFromWord, type ParsedImport, type ToolFinding, type ToolRun } from "./types";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const date = (v: unknown): Date | null => {
  const ms = Date.parse(str(v) ?? "");
  return Number.isFinite(ms) ? new Date(ms) : null;
};

export const CYCLONEDX_VERSIONS = ["1.4", "1.5", "1.6"];
export const SPDX_VERSIONS = ["SPDX-2.2", "SPDX-2.3"];

const run = (tool: ToolRun["tool"], rest: Partial<ToolRun>): ToolRun => ({
  tool: { name: cleanText(tool.name).slice(0, 120), version: tool.version ? cleanText(tool.version).slice(0, 60) : null },
  producedAt: null,
  findings: [],
  skipped: [],
  components: null,
  scorecard: null,
  ...rest,
});

/** Which format a parsed document is, and its tool runs; refuses what none of them is. */
export function readDocument(value: unknown): ParsedImport {
  const doc = cleanDeep(obj(value));
  if (doc.bomFormat === "CycloneDX") return cycloneDx(doc);
  if (typeof doc.spdxVersion === "string") return spdx(doc);
  if (Array.isArray(doc.checks) && (doc.scorecard || doc.repo)) return scorecard(doc);
  if (doc.auditReportVersion !== undefined || (doc.advisories && doc.metadata)) return npmAudit(doc);
  if (Array.isArray(doc.results) && arr(doc.results).every((r) => Array.isArray(obj(r).packages))) return osv(doc);
  throw new ImportRefusal(
    "Twelvefold does not recognise this file. It reads SARIF 2.1.0, CycloneDX 1.4–1.6 and SPDX 2.3 JSON, OpenSSF Scorecard JSON, npm audit --json and OSV-Scanner JSON.",
  );
}

function countComponents(list: unknown[]): number {
  return list.reduce<number>((n, c) => n + 1 + countComponents(arr(obj(c).components)), 0);
}

function cycloneDx(doc: Json): ParsedImport {
  const version = str(doc.specVersion) ?? "";
  if (!CYCLONEDX_VERSIONS.includes(version)) {
    throw new ImportRefusal(`CycloneDX ${version.slice(0, 20) || "without a specVersion"} is not read; send CycloneDX 1.4, 1.5 or 1.6.`);
  }
  const metadata = obj(doc.metadata);
  const tools = Array.isArray(metadata.tools) ? metadata.tools : arr(obj(metadata.tools).components);
  const tool = obj(tools[0]);
  const findings: ToolFinding[] = arr(doc.vulnerabilities).map((v) => {
    const vuln = obj(v);
    const ratings = arr(vuln.ratings).map(obj);
    const severity =
      ratings.map((r) => severityFromWord(r.severity)).find((s) => s !== null) ??
      severityFromScore(Math.max(0, ...ratings.map((r) => Number(r.score)).filter(Number.isFinite)));
    const affected = arr(vuln.affects)
      .map((a) => str(obj(a).ref) ?? "")
      .filter(Boolean);
    const id = str(vuln.id) ?? "(no id)";
    return {
      rule: id.slice(0, 200),
      level: "error" as const,
      severity,
      cwes: arr(vuln.cwes).filter((c): c is number => Number.isInteger(c)),
      file: null,
      line: null,
      message: `${id} in ${affected.slice(0, 3).join(", ") || "a component"}${str(vuln.description) ? `: ${str(vuln.description)}` : ""}`.slice(0, 1000),
    };
  });
  return {
    format: "cyclonedx",
    formatVersion: version,
    runs: [
      run(
        { name: str(tool.name) ?? "CycloneDX", version: str(tool.version) },
        { producedAt: date(metadata.timestamp), components: countComponents(arr(doc.components)), findings },
      ),
    ],
  };
}

function spdx(doc: Json): ParsedImport {
  const version = str(doc.spdxVersion)!;
  if (!SPDX_VERSIONS.includes(version)) throw new ImportRefusal(`${version.slice(0, 20)} is not read; send SPDX 2.3 (or 2.2) JSON.`);
  const creation = obj(doc.creationInfo);
  const creator = arr(creation.creators)
    .map((c) => str(c) ?? "")
    .find((c) => c.startsWith("Tool:"));
  const [, name, toolVersion] = /^Tool:\s*(.+?)(?:-(v?\d[\w.+-]*))?$/.exec(creator ?? "") ?? [];
  return {
    format: "spdx",
    formatVersion: version,
    runs: [run({ name: name ?? "SPDX", version: toolVersion ?? null }, { producedAt: date(creation.created), components: arr(doc.packages).length })],
  };
}

/** Scorecard's details name a file and line as "path:line" at their end. */
function locationIn(detail: string): { file: string; line: number | null } | null {
  const match = /:\s*([\w./@-]+\.[\w-]+)(?::(\d+))?\s*$/.exec(detail) ?? /\b(\.github\/[\w./-]+)(?::(\d+))?/.exec(detail);
  if (!match) return null;
  const where = repositoryPath(match[1]!);
  return "path" in where ? { file: where.path, line: match[2] ? Number(match[2]) : null } : null;
}

function scorecard(doc: Json): ParsedImport {
  const meta = obj(doc.scorecard);
  const checks = arr(doc.checks).map((c) => {
    const check = obj(c);
    return {
      name: (str(check.name) ?? "").slice(0, 80),
      score: typeof check.score === "number" ? check.score : -1,
      reason: (str(check.reason) ?? "").slice(0, 500),
      details: arr(check.details)
        .map((d) => str(d) ?? "")
        .filter(Boolean),
    };
  });
  const findings: ToolFinding[] = checks.flatMap((check) =>
    check.details
      .filter((d) => /^Warn:/.test(d))
      .slice(0, 50)
      .map((detail) => {
        const where = locationIn(detail);
        return {
          rule: check.name,
          level: "warning" as const,
          severity: null,
          cwes: [],
          file: where?.file ?? null,
          line: where?.line ?? null,
          message: detail.slice(0, 1000),
        };
      }),
  );
  return {
    format: "scorecard",
    formatVersion: "v2",
    runs: [run({ name: "OpenSSF Scorecard", version: str(meta.version) }, { producedAt: date(doc.date), scorecard: checks, findings })],
  };
}

function npmAudit(doc: Json): ParsedImport {
  const findings: ToolFinding[] = [];
  if (doc.auditReportVersion === 2) {
    for (const [name, entry] of Object.entries(obj(doc.vulnerabilities))) {
      const v = obj(entry);
      const advisories = arr(v.via)
        .filter((via) => typeof via === "object")
        .map(obj);
      const ids = advisories.map((a) => /GHSA-[\w-]+/.exec(str(a.url) ?? "")?.[0] ?? String(a.source ?? "")).filter(Boolean);
      findings.push({
        rule: ids[0] ?? `npm:${name}`.slice(0, 200),
        level: "error",
        severity: severityFromWord(v.severity),
        cwes: cwesIn(advisories.flatMap((a) => arr(a.cwe))),
        file: null,
        line: null,
        message: `${name} ${str(v.range) ?? ""}: ${
          advisories.map((a) => str(a.title)).filter(Boolean)[0] ??
          `vulnerable through ${arr(v.via)
            .filter((x) => typeof x === "string")
            .join(", ")}`
        }`.slice(0, 1000),
      });
    }
  } else if (doc.advisories) {
    for (const entry of Object.values(obj(doc.advisories))) {
      const a = obj(entry);
      findings.push({
        rule: (/GHSA-[\w-]+/.exec(str(a.url) ?? "")?.[0] ?? `npm-advisory:${String(a.id)}`).slice(0, 200),
        level: "error",
        severity: severityFromWord(a.severity),
        cwes: cwesIn([a.cwe, ...arr(a.cwe)]),
        file: null,
        line: null,
        message: `${str(a.module_name) ?? "a package"} ${str(a.vulnerable_versions) ?? ""}: ${str(a.title) ?? ""}`.slice(0, 1000),
      });
    }
  } else {
    throw new ImportRefusal(
      `npm audit report version ${String(doc.auditReportVersion).slice(0, 10)} is not read; send the output of npm audit --json (npm 7 or later).`,
    );
  }
  return {
    format: "npm-audit",
    formatVersion: `npm audit ${doc.auditReportVersion === 2 ? 2 : 1}`,
    runs: [run({ name: "npm audit", version: null }, { findings })],
  };
}

function osv(doc: Json): ParsedImport {
  const findings: ToolFinding[] = [];
  for (const result of arr(doc.results).map(obj)) {
    const sourcePath = str(obj(result.source).path) ?? "";
    const where = repositoryPath(sourcePath);
    const lockfile = "path" in where ? where.path : (sourcePath.split(/[\\/]/).pop() ?? "");
    for (const pkg of arr(result.packages).map(obj)) {
      const about = obj(pkg.package);
      const groups = arr(pkg.groups).map(obj);
      for (const vuln of arr(pkg.vulnerabilities).map(obj)) {
        const id = str(vuln.id) ?? "(no id)";
        const group = groups.find((g) => arr(g.ids).includes(id));
        const severity = severityFromScore(Number(group?.max_severity)) ?? severityFromWord(obj(vuln.database_specific).severity);
        findings.push({
          rule: id.slice(0, 200),
          level: "error",
          severity,
          cwes: cwesIn(arr(obj(vuln.database_specific).cwe_ids)),
          file: "path" in where ? where.path : null,
          line: null,
          message: `${str(about.name) ?? "a package"} ${str(about.version) ?? ""} (${lockfile}): ${str(vuln.summary) ?? id}`.slice(0, 1000),
        });
      }
    }
  }
  return { format: "osv-scanner", formatVersion: "json", runs: [run({ name: "osv-scanner", version: null }, { findings })] };
}
