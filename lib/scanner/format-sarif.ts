// SARIF 2.1.0, for code-scanning dashboards: one rule per check (tagged with the
// checklist items it bears on), a result per problem with its location, and
// positive evidence as results of kind "pass".
import { WHOLE_REPOSITORY } from "./rule";
import type { ScanReport } from "./scan";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const LEVEL = { not_met: "error", partially_met: "warning", met: "none" } as const;

export function formatSarif(report: ScanReport): object {
  const rules = report.checks.map((check) => ({
    id: check.rule.id,
    name: check.rule.id.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase()),
    shortDescription: { text: check.rule.title },
    fullDescription: { text: check.rule.description },
    defaultConfiguration: { level: "error" },
    properties: { tags: ["security", ...check.rule.items] },
  }));
  const results = report.checks.flatMap((check, ruleIndex) =>
    check.findings.map((finding) => ({
      ruleId: check.rule.id,
      ruleIndex,
      kind: finding.verdict === "met" ? "pass" : "fail",
      level: LEVEL[finding.verdict],
      message: { text: finding.message },
      ...(finding.file === WHOLE_REPOSITORY
        ? {}
        : {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(finding.file), uriBaseId: "SRCROOT" },
                  ...(finding.line ? { region: { startLine: finding.line } } : {}),
                },
              },
            ],
          }),
      properties: { items: check.rule.items },
    })),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, rules } },
        originalUriBaseIds: { SRCROOT: { uri: `file://${encodeURI(report.root.endsWith("/") ? report.root : `${report.root}/`)}` } },
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
}
