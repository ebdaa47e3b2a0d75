import type { ExportKind } from "../data/exports/record-export";

/** What each kind of export is called wherever it is named to a person. */
export const EXPORT_KIND_LABEL: Record<ExportKind, string> = {
  ASSESSMENT_PDF: "Assessment report (PDF)",
  PORTFOLIO_PDF: "Portfolio report (PDF)",
  ASSESSMENT_CSV: "Assessment (CSV)",
  ASSESSMENT_JSON: "Assessment (JSON)",
  FINDINGS_CSV: "Findings (CSV)",
  FINDINGS_JSON: "Findings (JSON)",
};

/** What an export covers, in a few words: its assessment, its team, or several teams. */
export function exportSubject(file: { kind: ExportKind; assessmentOf: string | null; teamName: string | null }): string {
  if (file.assessmentOf) return `Assessment of ${file.assessmentOf}`;
  if (file.teamName) return `Team ${file.teamName}`;
  return file.kind === "PORTFOLIO_PDF" ? "Every team you may export" : "Your scope";
}
