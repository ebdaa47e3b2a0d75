// What makes an answer acceptable and an assessment ready to submit. Pure, so
// the walk's client, the server actions and the tests share one definition.
import type { ResponseStatus } from "../vocabulary/answers";

export const LIMITS = {
  justification: 4000,
  notes: 10_000,
  evidenceLinks: 20,
  evidenceLinkLength: 2000,
} as const;

/** A justification is owed when the answer is a judgement call. */
export function needsJustification(status: ResponseStatus): boolean {
  return status === "not_applicable" || status === "partially_met";
}

export interface AnswerState {
  status: ResponseStatus;
  justification: string;
  carriedOver: boolean;
}

/** Why an answer is not yet done, or null when it is. */
export function answerGap(answer: AnswerState): string | null {
  if (answer.status === "unanswered") return "unanswered";
  if (answer.carriedOver) return "carried over, not confirmed";
  if (needsJustification(answer.status) && answer.justification.trim() === "") return "justification missing";
  return null;
}

/** Evidence links are web addresses only: no javascript:, data: or file: links to click on. */
export function isEvidenceLink(value: string): boolean {
  if (value.length > LIMITS.evidenceLinkLength) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}
