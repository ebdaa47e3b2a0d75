// CSV for spreadsheets, safely: RFC 4180 quoting, and a cell that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe.

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | Date | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** The findings export's columns, in order. Stable: documented in the README; add at the end only. */
export const FINDING_CSV_COLUMNS = [
  "finding_id",
  "item_id",
  "title",
  "severity",
  "status",
  "due_state",
  "due_date",
  "opened_at",
  "resolved_at",
  "risk_acceptance_expires_at",
  "service",
  "service_slug",
  "team",
  "owner",
] as const;

/** The assessment export's columns, one row per checklist item. Stable, like the findings columns. */
export const ASSESSMENT_CSV_COLUMNS = [
  "assessment_id",
  "service",
  "checklist_version",
  "factor",
  "factor_name",
  "item_id",
  "title",
  "severity",
  "status",
  "justification",
  "notes",
  "evidence_links",
  "attachments",
  "carried_over_unconfirmed",
  "updated_by",
  "updated_at",
  "suggestion_outcome",
  "suggestion_source",
  "suggestion_decided_by",
  "attested_by",
  "attested_at",
  "validation",
  "validated_by",
  "validated_at",
] as const;
