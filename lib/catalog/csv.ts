// Services from a spreadsheet: one row per service, the columns of
// CSV_COLUMNS, read with csv-parse. Each row becomes a wanted service for the
// same plan a catalogue sync makes (lib/catalog/plan.ts), or a problem naming
// its line. Cells a spreadsheet would run as a formula are refused, not
// stripped: the sender should see what was wrong with the file. Pure.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { serviceFieldsSchema } from "../services/schemas";
import { cleanText } from "../text/clean";
import { tiers } from "../vocabulary/levels";
import type { Problem } from "./entities";
import type { Desired } from "./plan";

export { MAX_IMPORT_BYTES } from "./limits";

export const CSV_COLUMNS = ["name", "team", "tier", "description", "repository_url"] as const;
export const MAX_CSV_ROWS = 10_000;

/** The template a newcomer downloads: the header and two example rows. */
export function csvTemplate(): string {
  return stringify(
    [
      ["checkout-api", "payments", "critical", "Takes card payments at checkout.", "https://github.com/example/checkout-api"],
      ["status-page", "platform", "", "The public status page.", ""],
    ],
    { header: true, columns: [...CSV_COLUMNS] },
  );
}

/** A cell Excel, Sheets or LibreOffice would evaluate (OWASP's CSV injection list). */
export function isFormulaCell(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

/** Team cells name a team by its slug or its name, either case. */
export type TeamLookup = (cell: string) => string | null;

export function desiredFromCsv(content: string, file: string, teamOf: TeamLookup): { desired: Desired[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const desired: Desired[] = [];
  const at = (line: number, reason: string) => problems.push({ place: { file, line }, reason });
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(cleanText(content), {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      info: true,
      to_line: MAX_CSV_ROWS + 2,
    });
  } catch (error) {
    const err = error as { message?: string; lines?: number };
    at(err.lines ?? 1, `Not a readable CSV file: ${(err.message ?? "").split("\n")[0]}`);
    return { desired, problems };
  }
  if (records.length > MAX_CSV_ROWS) {
    at(MAX_CSV_ROWS + 2, `More than ${MAX_CSV_ROWS} rows; split the file.`);
    return { desired, problems };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const unknown = header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (!header.includes("name") || !header.includes("team") || unknown.length) {
    at(1, `The first line names the columns: ${CSV_COLUMNS.join(", ")} (name and team are needed${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}).`);
    return { desired, problems };
  }
  for (const { record, info } of records) {
    const newlines = Object.values(record).reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - newlines;
    const formula = Object.entries(record).find(([, cell]) => isFormulaCell(cell));
    if (formula) {
      at(line, `The ${formula[0]} cell starts with "${formula[1][0] === "\t" ? "a tab" : formula[1][0]}", which a spreadsheet runs as a formula; remove it.`);
      continue;
    }
    const cell = (name: string) => (record[name] ?? "").trim();
    const teamId = teamOf(cell("team"));
    if (!teamId) {
      at(line, cell("team") ? `No team "${cell("team")}".` : "Say which team (its name or slug).");
      continue;
    }
    const tier = cell("tier").toLowerCase();
    if (tier && !tiers.is(tier)) {
      at(line, `Tier "${cell("tier")}" is not one of ${tiers.values.join(", ")}.`);
      continue;
    }
    const fields = serviceFieldsSchema.safeParse({
      name: cell("name"),
      description: cell("description"),
      criticality: tier || "medium",
      repositoryUrl: cell("repository_url"),
    });
    if (!fields.success) {
      at(line, fields.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
      continue;
    }
    desired.push({
      place: { file, line },
      ref: null,
      uid: null,
      teamId,
      name: fields.data.name,
      // An empty cell keeps what the service has.
      description: cell("description") ? fields.data.description : undefined,
      tier: tier ? fields.data.criticality : null,
      defaultTier: "medium",
      repositoryUrl: cell("repository_url") ? fields.data.repositoryUrl : undefined,
      info: null,
    });
  }
  return { desired, problems };
}
