import "server-only";
import { provenanceLine } from "../../evidence/suggestion";
import { randomUUID } from "node:crypto";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { AssessmentReport } from "../../exports/assessment-report";
import type { AssessmentReportData } from "../../exports/assessment-report-data";
import { compareWithPrevious } from "../assessments/compare-with-previous";
import { getAssessmentForExport } from "../assessments/get-assessment";
import { recordExport, type RecordedExport } from "./record-export";

export type { RecordedExport as PdfExport } from "./record-export";

/**
 * Renders an assessment's report as a PDF for those who may export the team's
 * records, and records the export (who, when, what, the SHA-256 of the bytes,
 * and the bytes) so the verification page can recognise the file later.
 */
export async function exportAssessmentPdf(
  principal: Principal,
  input: { assessmentId: string },
  context: { origin: string; ipAddress: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<RecordedExport> {
  const view = await getAssessmentForExport(principal, input.assessmentId);
  const [comparison, findings] = await Promise.all([
    view.status === "completed" ? compareWithPrevious(principal, view.id) : null,
    getPrisma().finding.findMany({
      where: { serviceId: view.service.id },
      orderBy: { openedAt: "asc" },
      include: { owner: { select: { name: true } }, riskAcceptedBy: { select: { name: true } } },
    }),
  ]);
  const exportId = randomUUID();
  const open = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) if (f.status === "OPEN" || f.status === "IN_PROGRESS") open[f.severity.toLowerCase() as keyof typeof open]++;
  const data: AssessmentReportData = {
    exportId,
    generatedAt: now,
    exportedBy: `${principal.name} <${principal.email}>`,
    verifyUrl: `${context.origin}/verify`,
    service: { name: view.service.name, team: view.service.team, criticality: view.service.criticality },
    assessment: {
      id: view.id,
      status: view.status,
      checklistVersion: view.checklist.version,
      checklistHash: view.checklist.contentHash,
      startedAt: view.startedAt,
      submittedAt: view.submittedAt,
      approvedAt: view.approvedAt,
      reviewer: view.submittedBy ?? view.startedBy,
      approver: view.approvedBy,
      overallScore: view.overallScore,
    },
    previous: comparison?.previous ? { approvedAt: comparison.previous.approvedAt, overallScore: comparison.previous.overallScore } : null,
    factors: view.factors.map((factor) => ({
      number: factor.number,
      name: factor.name,
      score: view.factorScores[factor.number - 1] ?? null,
      before: comparison?.factors[factor.number - 1]?.before ?? null,
      items: factor.items.map((item) => {
        const r = view.responses[item.id]!;
        return {
          id: item.id,
          title: item.title,
          severity: item.severity,
          status: r.status,
          justification: r.justification,
          notes: r.notes,
          evidenceLinks: r.evidenceLinks,
          origin: r.suggestion ? provenanceLine(r.suggestion) : null,
          attachments: r.attachments.map((a) => ({ fileName: a.fileName, sha256: a.sha256, sizeBytes: a.sizeBytes })),
          findings: findings
            .filter((f) => f.itemId === item.id)
            .map((f) => ({
              itemId: f.itemId,
              severity: f.severity.toLowerCase(),
              status: f.status.toLowerCase(),
              owner: f.owner?.name ?? null,
              dueDate: f.dueDate,
              risk: f.status === "RISK_ACCEPTED" && f.riskAcceptanceExpiresAt ? { reason: f.riskAcceptanceReason ?? "", approvedBy: f.riskAcceptedBy?.name ?? null, expiresAt: f.riskAcceptanceExpiresAt } : null,
            })),
        };
      }),
    })),
    openFindings: open,
    trail: view.events.map((e) => ({ kind: e.kind, actor: e.actor, occurredAt: e.occurredAt, comment: e.comment })),
  };
  const bytes = await renderToBuffer(createElement(AssessmentReport, { data }) as Parameters<typeof renderToBuffer>[0]);
  const fileName = `twelvefold-${view.service.slug}-${(view.approvedAt ?? view.startedAt).toISOString().slice(0, 10)}.pdf`;
  return recordExport(
    principal,
    { kind: "ASSESSMENT_PDF", exportId, fileName, bytes, teamId: view.service.teamId, assessmentId: view.id, keepContent: true, detail: { assessmentId: view.id } },
    context,
    now,
  );
}
