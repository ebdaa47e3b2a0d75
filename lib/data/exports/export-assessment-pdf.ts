import "server-only";
import { provenanceLine } from "../../evidence/suggestion";
import { randomUUID } from "node:crypto";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { AssessmentReportData } from "../../exports/assessment-report-data";
import { compareWithPrevious } from "../assessments/compare-with-previous";
import { getAssessmentForExport } from "../assessments/get-assessment";
import { assertRendererFree, renderAssessmentReport } from "../../exports/render-pool";
import { BusyError } from "../errors";
import { completeQueuedExport, type RecordedExport } from "./record-export";
import { severities } from "../../vocabulary/levels";
import { findingStatuses } from "../../vocabulary/findings";
import { isWorking } from "../../vocabulary/findings";

/** Reports one person may have being laid out at once, on all instances together. */
export const MAX_PDF_RENDERS_PER_USER = 2;
/** A render row older than this is taken as abandoned (its process died) and no longer counts. */
const RENDER_STALE_MS = 5 * 60_000;

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
      include: {
        owner: { select: { name: true } },
        riskAcceptedBy: { select: { name: true } },
        // The four-eyes request the acceptance in force came from, if any: who asked, beside who approved.
        riskRequests: { where: { status: "APPROVED" }, orderBy: { decidedAt: "desc" }, take: 1, include: { requestedBy: { select: { name: true } } } },
      },
    }),
  ]);
  const exportId = randomUUID();
  const open = severities.count();
  for (const f of findings) if (isWorking(findingStatuses.fromDb(f.status))) open[severities.fromDb(f.severity)]++;
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
          attestation: r.attestation,
          attachments: r.attachments.map((a) => ({ fileName: a.fileName, sha256: a.sha256, sizeBytes: a.sizeBytes })),
          findings: findings
            .filter((f) => f.itemId === item.id)
            .map((f) => ({
              itemId: f.itemId,
              severity: f.severity.toLowerCase(),
              status: f.status.toLowerCase(),
              owner: f.owner?.name ?? null,
              dueDate: f.dueDate,
              risk:
                f.status === "RISK_ACCEPTED" && f.riskAcceptanceExpiresAt
                  ? {
                      reason: f.riskAcceptanceReason ?? "",
                      approvedBy: f.riskAcceptedBy?.name ?? null,
                      requestedBy:
                        f.riskRequests[0] && f.riskRequests[0].decidedById === f.riskAcceptedById
                          ? (f.riskRequests[0].requestedBy?.name ?? "a former user")
                          : null,
                      expiresAt: f.riskAcceptanceExpiresAt,
                    }
                  : null,
            })),
        };
      }),
    })),
    openFindings: open,
    // Auditors read a proof on its own: the email beside the name says who it was without the app.
    trail: view.events.map((e) => ({
      kind: e.kind,
      actor: e.actor === e.actorEmail ? e.actor : `${e.actor} (${e.actorEmail})`,
      occurredAt: e.occurredAt,
      comment: e.comment,
    })),
  };
  const fileName = `twelvefold-${view.service.slug}-${(view.approvedAt ?? view.startedAt).toISOString().slice(0, 10)}.pdf`;
  const prisma = getPrisma();
  assertRendererFree();
  // Counted in Postgres, so the cap holds across instances; serialised per user, so it holds under double clicks.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('assessment-pdf'), hashtext(${principal.userId}))`;
    const rendering = await tx.export.count({
      where: { requestedById: principal.userId, kind: "ASSESSMENT_PDF", status: "RUNNING", createdAt: { gt: new Date(now.getTime() - RENDER_STALE_MS) } },
    });
    if (rendering >= MAX_PDF_RENDERS_PER_USER) {
      throw new BusyError(`You already have ${rendering} reports being made. Wait for them to finish, then ask again.`, 10);
    }
    await tx.export.create({
      data: {
        id: exportId,
        kind: "ASSESSMENT_PDF",
        status: "RUNNING",
        requestedById: principal.userId,
        assessmentId: view.id,
        teamId: view.service.teamId,
        progress: 0,
        createdAt: now,
      },
    });
  });
  let bytes: Buffer;
  try {
    bytes = await renderAssessmentReport(data);
  } catch (error) {
    await prisma.export.updateMany({
      where: { id: exportId, status: "RUNNING" },
      data: { status: "FAILED", error: "The report could not be made. Try again." },
    });
    throw error;
  }
  const done = await completeQueuedExport(
    principal,
    exportId,
    { kind: "ASSESSMENT_PDF", fileName, bytes, teamId: view.service.teamId, detail: { assessmentId: view.id } },
    context,
    now,
  );
  if (!done) throw new Error(`export ${exportId} was no longer running when its report was ready`);
  return done;
}
