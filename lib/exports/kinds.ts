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
