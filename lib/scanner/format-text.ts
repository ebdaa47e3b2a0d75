// The readable summary: what the scan suggests per item, each with the file and
// line behind it, then what every check looked at.
import { allItems, latestChecklist } from "../checklist";
import type { ScanReport } from "./scan";

const LABEL = { met: "MET", partially_met: "PARTIAL", not_met: "NOT MET", not_applicable: "N/A" } as const;

export function formatText(report: ScanReport): string {
  const titles = new Map(allItems(latestChecklist()).map((item) => [item.id, item.title]));
  const lines = [
    `${report.tool.name} ${report.tool.version}: ${report.root}`,
    `${report.filesScanned} files read (${report.fileSource === "git" ? "as git lists them" : "folder walk"}).`,
    "",
    "Suggested answers",
  ];
  if (!report.results.length) lines.push("  None: nothing here that the scanner can judge.");
  for (const result of report.results) {
    lines.push("", `  ${LABEL[result.status].padEnd(8)} ${result.itemId}  ${titles.get(result.itemId) ?? ""}`.trimEnd());
    lines.push(`           ${result.summary}`);
    for (const o of result.observations) lines.push(`           - ${o.file}${o.line ? `:${o.line}` : ""}  ${o.message}`);
  }
  lines.push("", "Checks");
  for (const check of report.checks) {
    const verdict = check.verdict ? LABEL[check.verdict] : "SKIPPED";
    lines.push(`  ${verdict.padEnd(8)} ${check.rule.id.padEnd(22)} ${check.summary}`);
  }
  const problems = report.results.filter((r) => r.status !== "met").length;
  lines.push("", `${report.results.length} items judged, ${problems} with problems. A reviewer confirms each suggestion in Twelvefold.`);
  return `${lines.join("\n")}\n`;
}
