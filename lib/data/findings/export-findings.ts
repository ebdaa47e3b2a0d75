import "server-only";
import { can, readScope, type Principal } from "../../auth/policy";
import { ForbiddenError } from "../errors";
import { csvLine, FINDING_CSV_COLUMNS } from "../../findings/csv";
import type { FindingFilter } from "../../findings/filter";
import { recordExport, type RecordedExport } from "../exports/record-export";
import { allFindings } from "./list-findings";
import type { RequestContext } from "../../audit/record";

export interface FindingsExport extends RecordedExport {
  rows: number;
}

/**
 * The principal as far as exporting goes: reading only the teams where its role
 * may export (reviewers may not), so the export holds nothing else. A principal
 * who may export no team's records is refused.
 */
function exporting(principal: Principal, now: Date): Principal {
  if (readScope(principal, now).kind === "org") return principal; // org-wide readers may export every team's records
  const memberships = principal.memberships.filter((m) => can(principal, "export.create", { teamId: m.teamId }, now));
  return memberships.length ? { ...principal, memberships } : refuse();
}

function refuse(): never {
  throw new ForbiddenError();
}

/**
 * The findings the principal may see, filtered as on screen, as CSV. Every
 * export is recorded (who, when, what, the SHA-256 of the bytes) and audited.
 */
export async function exportFindingsCsv(principal: Principal, filter: FindingFilter, context: RequestContext, now: Date = new Date()): Promise<FindingsExport> {
  const lines = [csvLine(FINDING_CSV_COLUMNS)];
  let rows = 0;
  for await (const f of allFindings(exporting(principal, now), filter, now)) {
    lines.push(
      csvLine([
        f.id,
        f.itemId,
        f.title,
        f.severity,
        f.status,
        f.due,
        f.dueDate,
        f.openedAt,
        f.resolvedAt,
        f.riskAcceptanceExpiresAt,
        f.service.name,
        f.service.slug,
        f.team,
        f.owner,
      ]),
    );
    rows++;
  }
  const bytes = Buffer.from(lines.join(""), "utf8");
  const fileName = `twelvefold-findings-${now.toISOString().slice(0, 10)}.csv`;
  // The whole selection is exported, whichever page was on screen.
  const recorded = await recordExport(
    principal,
    { kind: "FINDINGS_CSV", fileName, bytes, detail: { filter: { ...filter, page: undefined }, rows } },
    context,
    now,
  );
  return { ...recorded, rows };
}

/** The same selection as JSON: one object per finding, with the filter that chose them. */
export async function exportFindingsJson(
  principal: Principal,
  filter: FindingFilter,
  context: RequestContext,
  now: Date = new Date(),
): Promise<FindingsExport> {
  const findings = [];
  for await (const f of allFindings(exporting(principal, now), filter, now)) {
    findings.push({
      finding_id: f.id,
      item_id: f.itemId,
      title: f.title,
      severity: f.severity,
      status: f.status,
      due_state: f.due,
      due_date: f.dueDate,
      opened_at: f.openedAt,
      resolved_at: f.resolvedAt,
      risk_acceptance_expires_at: f.riskAcceptanceExpiresAt,
      risk_accepted_by: f.riskAcceptedBy,
      service: f.service.name,
      service_slug: f.service.slug,
      team: f.team,
      owner: f.owner,
    });
  }
  const scope = { ...filter, page: undefined };
  const document = { format: "twelvefold.findings.v1", exported_at: now, exported_by: principal.email, filter: scope, findings };
  const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, "utf8");
  const fileName = `twelvefold-findings-${now.toISOString().slice(0, 10)}.json`;
  const recorded = await recordExport(principal, { kind: "FINDINGS_JSON", fileName, bytes, detail: { filter: scope, rows: findings.length } }, context, now);
  return { ...recorded, rows: findings.length };
}
