// The status of an answer to a checklist item, and what a machine's suggestion
// became when a reviewer decided on it.
import type { Validation as DbValidation, ResponseStatus as DbResponseStatus, SuggestionOutcome as DbSuggestionOutcome } from "../generated/prisma/enums";
import { defineVocabulary, type ValueOfVocabulary } from "./define";

export const answerStatuses = defineVocabulary({
  UNANSWERED: { value: "unanswered", label: "Unanswered" },
  MET: { value: "met", label: "Met" },
  PARTIALLY_MET: { value: "partially_met", label: "Partially met" },
  NOT_MET: { value: "not_met", label: "Not met" },
  NOT_APPLICABLE: { value: "not_applicable", label: "Not applicable" },
} as const satisfies Record<DbResponseStatus, { value: string; label: string }>);

export type ResponseStatus = ValueOfVocabulary<typeof answerStatuses>;

/** The statuses a reviewer (or a tool) can give: every one but "unanswered". */
export const ANSWER_STATUSES = ["met", "partially_met", "not_met", "not_applicable"] as const satisfies readonly Exclude<ResponseStatus, "unanswered">[];
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const suggestionOutcomes = defineVocabulary({
  ACCEPTED: { value: "accepted", label: "Accepted" },
  OVERRIDDEN: { value: "overridden", label: "Overridden" },
} as const satisfies Record<DbSuggestionOutcome, { value: string; label: string }>);

export type SuggestionOutcome = ValueOfVocabulary<typeof suggestionOutcomes>;

/** Security's check of an attested answer. */
export const validations = defineVocabulary({
  AGREED: { value: "agreed", label: "Validated" },
  SENT_BACK: { value: "sent_back", label: "Sent back" },
} as const satisfies Record<DbValidation, { value: string; label: string }>);

/** An answer a tool or reviewer gave; "unanswered" here is a broken record, not a value. */
export function asAnswered(status: ResponseStatus): AnswerStatus {
  if (status === "unanswered") throw new Error("Expected an answer, found none.");
  return status;
}
