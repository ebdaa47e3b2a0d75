import "server-only";
import type { Principal } from "../../auth/policy";
import { ASSESSMENT_CSV_COLUMNS, csvLine } from "../../findings/csv";
import { getAssessmentForExport } from "../assessments/get-assessment";
import { recordExport, type RecordedExport } from "./record-export";
import type { RequestContext } from "../../audit/record";
import { validationStanding } from "../../assessments/validation";

/**
 * Every item and answer of an assessment, as CSV (one row per item) or JSON
 * (the whole record), for those who may export the team's records.
 */
export async function exportAssessmentData(
  principal: Principal,
  input: { assessmentId: string; format: "csv" | "json" },
  context: RequestContext,
  now: Date = new Date(),
): Promise<RecordedExport> {
  const a = await getAssessmentForExport(principal, input.assessmentId);
  const rows = a.factors.flatMap((factor) =>
    factor.items.map((item) => {
      const r = a.responses[item.id]!;
      return { factor, item, r };
    }),
  );
  let bytes: Buffer;
  if (input.format === "csv") {
    const lines = [csvLine(ASSESSMENT_CSV_COLUMNS)];
    for (const { factor, item, r } of rows) {
      lines.push(
        csvLine([
          a.id,
          a.service.name,
          a.checklist.version,
          factor.number,
          factor.name,
          item.id,
          item.title,
          item.severity,
          r.status,
          r.justification,
          r.notes,
          r.evidenceLinks.join(" "),
          r.attachments.map((f) => `${f.fileName} sha256:${f.sha256}`).join(" | "),
          r.carriedOver,
          r.updatedBy,
          r.updatedAt,
          r.suggestion?.outcome ?? "",
          r.suggestion?.source ?? "",
          r.suggestion?.decidedBy ?? "",
          r.attestedBy ?? "",
          r.attestedAt ?? "",
          validationStanding(r),
          r.validatedBy ?? "",
          r.validatedAt ?? "",
        ]),
      );
    }
    bytes = Buffer.from(lines.join(""), "utf8");
  } else {
    const document = {
      format: "twelvefold.assessment.v1",
      exported_at: now,
      exported_by: principal.email,
      assessment: {
        id: a.id,
        status: a.status,
        service: { id: a.service.id, name: a.service.name, slug: a.service.slug, team: a.service.team },
        checklist: a.checklist,
        started_at: a.startedAt,
        started_by: a.startedBy,
        submitted_at: a.submittedAt,
        submitted_by: a.submittedBy,
        approved_at: a.approvedAt,
        approved_by: a.approvedBy,
        overall_score: a.overallScore,
        factor_scores: a.factorScores,
        sign_off: a.events.map((e) => ({ kind: e.kind, actor: e.actor, actor_email: e.actorEmail, at: e.occurredAt, comment: e.comment })),
      },
      items: rows.map(({ factor, item, r }) => ({
        factor: factor.number,
        item_id: item.id,
        title: item.title,
        severity: item.severity,
        status: r.status,
        justification: r.justification,
        notes: r.notes,
        evidence_links: r.evidenceLinks,
        attachments: r.attachments.map((f) => ({ file_name: f.fileName, size_bytes: f.sizeBytes, sha256: f.sha256 })),
        carried_over_unconfirmed: r.carriedOver,
        updated_by: r.updatedBy,
        updated_at: r.updatedAt,
        attestation: {
          attested_by: r.attestedBy,
          attested_at: r.attestedAt,
          validation: validationStanding(r),
          validated_by: r.validatedBy,
          validated_at: r.validatedAt,
          summary: r.attestation,
        },
        comments: r.comments.map((c) => ({ author: c.author, body: c.body, at: c.createdAt })),
        suggestion: r.suggestion
          ? {
              outcome: r.suggestion.outcome,
              suggested_status: r.suggestion.status,
              summary: r.suggestion.summary,
              source: r.suggestion.source,
              submitted_at: r.suggestion.submittedAt,
              decided_by: r.suggestion.decidedBy,
              decided_at: r.suggestion.decidedAt,
            }
          : null,
      })),
    };
    bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, "utf8");
  }
  const fileName = `twelvefold-${a.service.slug}-${(a.approvedAt ?? a.startedAt).toISOString().slice(0, 10)}.${input.format}`;
  return recordExport(
    principal,
    {
      kind: input.format === "csv" ? "ASSESSMENT_CSV" : "ASSESSMENT_JSON",
      fileName,
      bytes,
      teamId: a.service.teamId,
      assessmentId: a.id,
      detail: { assessmentId: a.id },
    },
    context,
    now,
  );
}
