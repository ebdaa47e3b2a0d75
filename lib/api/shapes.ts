// The API's JSON shapes, built from the data layer's views. Field names are
// part of the versioned contract (/api/v1): add fields, never rename them.
import { validationStanding } from "../assessments/validation";
import { FACTOR_NAMES } from "../checklist/factor-names";
import type { AssessmentView } from "../data/assessments/get-assessment";
import type { FindingListRow } from "../data/findings/list-findings";
import type { ServiceSummary } from "../data/services/list-service-summaries";
import type { ServiceDetail } from "../data/services/get-service";
import type { OpenDrift } from "../data/services/drift";
import { reviewDueFor, reviewState, type ReviewIntervals } from "../programme/cadence";
import type { Criticality } from "../vocabulary/levels";

/** When the service's next review is due by its tier's cadence, and how that stands today. */
function review(s: { lastAssessedAt: Date | null; criticality: Criticality }, cadence: Cadence) {
  const dueOn = reviewDueFor(s.lastAssessedAt, s.criticality, cadence.intervals);
  return { dueOn, state: reviewState(dueOn, cadence.now) };
}

export interface Cadence {
  intervals: ReviewIntervals;
  now: Date;
}

const factors = (scores: (number | null)[]) => scores.map((score, i) => ({ number: i + 1, name: FACTOR_NAMES[i] ?? `Factor ${i + 1}`, score }));

export function serviceSummaryJson(s: ServiceSummary, cadence: Cadence) {
  return {
    slug: s.slug,
    name: s.name,
    team: s.team.name,
    criticality: s.criticality,
    latestScore: s.latestScore,
    currentScore: s.currentScore,
    lastAssessedAt: s.lastAssessedAt,
    review: review(s, cadence),
    factors: factors(s.factorScores),
  };
}

export function serviceDetailJson(s: ServiceDetail, cadence: Cadence) {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    criticality: s.criticality,
    repositoryUrl: s.repositoryUrl,
    team: s.team.name,
    owner: s.owner,
    latestScore: s.latestScore,
    currentScore: s.currentScore,
    lastAssessedAt: s.lastAssessedAt,
    review: review(s, cadence),
    factors: factors(s.factorScores),
    assessmentUnderWay: s.current,
    openFindings: s.openFindings.map((f) => ({ id: f.id, itemId: f.itemId, title: f.title, severity: f.severity, status: f.status, dueDate: f.dueDate })),
  };
}

export function assessmentSummaryJson(a: ServiceDetail["assessments"][number]) {
  return {
    id: a.id,
    status: a.status,
    checklistVersion: a.checklistVersion,
    startedAt: a.startedAt,
    submittedAt: a.submittedAt,
    approvedAt: a.approvedAt,
    approvedBy: a.approvedBy,
    overallScore: a.overallScore,
  };
}

/** An item with no response row yet reads as unanswered. */
const NOT_ANSWERED = {
  status: "unanswered",
  justification: "",
  notes: "",
  evidenceLinks: [] as string[],
  updatedBy: null,
  updatedAt: null,
  suggestion: null,
  attestedBy: null,
  attestedAt: null,
  validation: null,
  validatedBy: null,
  validatedAt: null,
  outsideSample: false,
} as const;

export function assessmentJson(a: AssessmentView) {
  return {
    id: a.id,
    status: a.status,
    service: { slug: a.service.slug, name: a.service.name, team: a.service.team },
    checklistVersion: a.checklist.version,
    startedAt: a.startedAt,
    submittedAt: a.submittedAt,
    approvedAt: a.approvedAt,
    approvedBy: a.approvedBy,
    overallScore: a.overallScore,
    factors: factors(a.factorScores),
    items: a.factors.flatMap((f) =>
      f.items.map((item) => {
        const r = a.responses[item.id] ?? NOT_ANSWERED;
        const { status, justification, notes, evidenceLinks, updatedBy, updatedAt, suggestion } = r;
        const attestation = {
          attestedBy: r.attestedBy,
          attestedAt: r.attestedAt,
          validation: validationStanding(r),
          validatedBy: r.validatedBy,
          validatedAt: r.validatedAt,
        };
        return { itemId: item.id, factor: f.number, status, justification, notes, evidenceLinks, updatedBy, updatedAt, suggestion, attestation };
      }),
    ),
  };
}

export function findingJson(f: FindingListRow) {
  return {
    id: f.id,
    itemId: f.itemId,
    title: f.title,
    severity: f.severity,
    status: f.status,
    service: f.service.slug,
    team: f.team,
    owner: f.owner,
    openedAt: f.openedAt,
    dueDate: f.dueDate,
    dueState: f.due,
    resolvedAt: f.resolvedAt,
    riskAcceptanceExpiresAt: f.riskAcceptanceExpiresAt,
  };
}

/** An open drift as the API gives it: which approved answer, what the evidence says now, where, and since when. */
export function driftJson(d: OpenDrift) {
  return {
    itemId: d.itemId,
    kind: d.kind,
    approvedStatus: d.approvedStatus,
    observedStatus: d.observedStatus,
    assessmentId: d.assessmentId,
    source: d.source,
    detail: d.detail,
    file: d.file,
    line: d.line,
    detectedAt: d.detectedAt,
  };
}
