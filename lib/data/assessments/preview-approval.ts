import "server-only";
import { compareFactors, compareItems } from "../../assessments/compare";
import type { Principal } from "../../auth/policy";
import { parseStoredFactors } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import type { FindingStep } from "../../findings/plan";
import { scoreAssessment } from "../../scoring/score";
import type { Severity } from "../../vocabulary/levels";
import { NotFoundError } from "../errors";
import { servicesVisibleTo } from "../scope";
import { approvalAnswers, planFromRows } from "./apply-findings";
import { statusesOf, storedScores, type AssessmentComparison } from "./compare-with-previous";

/** An item approval would freeze as a gap: not met or partly met, with the reviewer's reasons. */
export interface PreviewGap {
  itemId: string;
  factor: number;
  title: string;
  status: "not_met" | "partially_met";
  severity: Severity;
  justification: string;
}

/** A finding approval would open, re-confirm, reopen or resolve. */
export interface PreviewFindingStep {
  kind: FindingStep["kind"];
  itemId: string;
  title: string;
  severity: Severity;
}

export interface ApprovalPreview {
  /** The scores approval will freeze, and how they compare with the last approved assessment. */
  comparison: AssessmentComparison;
  gaps: PreviewGap[];
  findings: PreviewFindingStep[];
}

/**
 * What approving a submitted assessment would do, worked out by the functions
 * approval itself runs (scoreAssessment, planFindings) on the same rows, so
 * that the lead decides on the numbers approval then records.
 */
export async function previewApproval(principal: Principal, assessmentId: string): Promise<ApprovalPreview> {
  const prisma = getPrisma();
  const assessment = await prisma.assessment.findFirst({
    where: { id: assessmentId, status: "IN_REVIEW", service: servicesVisibleTo(principal) },
    include: {
      checklistVersion: { select: { items: true } },
      responses: { select: { itemId: true, status: true, justification: true } },
    },
  });
  if (!assessment) throw new NotFoundError();
  const [previous, existing] = await Promise.all([
    prisma.assessment.findFirst({
      where: { serviceId: assessment.serviceId, status: "COMPLETED" },
      orderBy: { approvedAt: "desc" },
      include: { responses: { select: { itemId: true, status: true } } },
    }),
    prisma.finding.findMany({ where: { serviceId: assessment.serviceId }, select: { id: true, itemId: true, status: true } }),
  ]);
  const items = parseStoredFactors(assessment.checklistVersion.items).flatMap((f) => f.items);
  const statuses = statusesOf(assessment.responses);
  const score = scoreAssessment(items, statuses);
  const factors = score.factors.map((f) => f.score);
  const previousFactors = previous ? storedScores(previous.factorScores) : null;
  const justification = new Map(assessment.responses.map((r) => [r.itemId, r.justification]));
  const byId = new Map(items.map((item) => [item.id, item]));
  const steps = planFromRows(approvalAnswers(items, statuses), existing);
  return {
    comparison: {
      previous: previous?.approvedAt ? { id: previous.id, approvedAt: previous.approvedAt, overallScore: previous.overallScore } : null,
      overall: { before: previous?.overallScore ?? null, after: score.overall },
      factors: compareFactors(previousFactors, factors),
      items: compareItems(items, previous ? statusesOf(previous.responses) : new Map(), statuses),
    },
    gaps: items.flatMap((item) => {
      const status = statuses.get(item.id);
      return status === "not_met" || status === "partially_met"
        ? [{ itemId: item.id, factor: item.factor, title: item.title, status, severity: item.severity, justification: justification.get(item.id) ?? "" }]
        : [];
    }),
    findings: steps.map((step) => {
      const item = byId.get(step.itemId)!;
      return { kind: step.kind, itemId: step.itemId, title: item.title, severity: item.severity };
    }),
  };
}
