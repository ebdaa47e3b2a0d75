// Twelvefold's scoring model, as pure functions (documented in the README).
//
// - An item earns credit: met 1, partially met 0.5, not met 0, unanswered 0
//   (what was not checked is not credited). Not applicable items leave the
//   denominator entirely.
// - Each item weighs by the severity of not meeting it: critical 10, high 6,
//   medium 3, low 1. A missed critical item costs ten times a missed low one.
// - A factor's score is its weighted credit over its applicable weight, 0-100.
//   The overall score is the same sum over every applicable item of every
//   factor, so a gap costs the same whichever factor it sits in.
// - A factor (or assessment) with no applicable item has no score (null),
//   never a perfect one.
import type { ResponseStatus } from "../vocabulary/answers";
import type { Severity } from "../vocabulary/levels";
import { oneDecimal } from "./mean";

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1 };

const CREDIT: Record<Exclude<ResponseStatus, "not_applicable">, number> = {
  met: 1,
  partially_met: 0.5,
  not_met: 0,
  unanswered: 0,
};

export interface ScorableItem {
  id: string;
  factor: number;
  severity: Severity;
}

export interface FactorScore {
  factor: number;
  score: number | null;
  counts: Record<ResponseStatus, number>;
}

export interface AssessmentScore {
  overall: number | null;
  factors: FactorScore[];
  answered: number;
  total: number;
  /** Critical items answered not met or left unanswered. */
  criticalGaps: number;
}

/** Factor scores as stored with an approved assessment and on its service: factor and score only. */
export function storedFactorScores(score: AssessmentScore): { factor: number; score: number | null }[] {
  return score.factors.map(({ factor, score: value }) => ({ factor, score: value }));
}

/** The score of one item, 0-100, or null when it is not applicable. */
export function itemScore(status: ResponseStatus): number | null {
  return status === "not_applicable" ? null : CREDIT[status] * 100;
}

interface Tally {
  earned: number;
  possible: number;
}

const ratio = ({ earned, possible }: Tally) => (possible === 0 ? null : oneDecimal((earned / possible) * 100));

function emptyCounts(): Record<ResponseStatus, number> {
  return { unanswered: 0, met: 0, partially_met: 0, not_met: 0, not_applicable: 0 };
}

/**
 * Scores an assessment. `statuses` maps item id to status; items of the
 * checklist that have no entry count as unanswered; entries for ids not in the
 * checklist are ignored (they belong to another version).
 */
export function scoreAssessment(items: ScorableItem[], statuses: ReadonlyMap<string, ResponseStatus>): AssessmentScore {
  const byFactor = new Map<number, { tally: Tally; counts: Record<ResponseStatus, number> }>();
  const overall: Tally = { earned: 0, possible: 0 };
  let answered = 0;
  let criticalGaps = 0;

  for (const item of items) {
    const status = statuses.get(item.id) ?? "unanswered";
    let entry = byFactor.get(item.factor);
    if (!entry) {
      entry = { tally: { earned: 0, possible: 0 }, counts: emptyCounts() };
      byFactor.set(item.factor, entry);
    }
    entry.counts[status] += 1;
    if (status !== "unanswered") answered += 1;
    if (item.severity === "critical" && (status === "not_met" || status === "unanswered")) criticalGaps += 1;
    if (status === "not_applicable") continue;
    const weight = SEVERITY_WEIGHT[item.severity];
    const earned = weight * CREDIT[status];
    entry.tally.earned += earned;
    entry.tally.possible += weight;
    overall.earned += earned;
    overall.possible += weight;
  }

  const factors = [...byFactor.entries()].sort(([a], [b]) => a - b).map(([factor, { tally, counts }]) => ({ factor, score: ratio(tally), counts }));
  return { overall: ratio(overall), factors, answered, total: items.length, criticalGaps };
}

/** A band for display: what a score means at a glance. */
export function scoreBand(score: number | null): "none" | "poor" | "fair" | "good" | "strong" {
  if (score === null) return "none";
  if (score >= 90) return "strong";
  if (score >= 75) return "good";
  if (score >= 50) return "fair";
  return "poor";
}
