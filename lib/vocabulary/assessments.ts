// Where an assessment is in its life, and the events of its sign-off trail.
import type { AssessmentEventKind as DbEventKind, AssessmentStatus as DbAssessmentStatus } from "../generated/prisma/enums";
import { defineVocabulary, type ValueOfVocabulary } from "./define";

export const assessmentStates = defineVocabulary({
  DRAFT: { value: "draft", label: "Draft" },
  IN_REVIEW: { value: "in_review", label: "Submitted for sign-off" },
  COMPLETED: { value: "completed", label: "Completed" },
} as const satisfies Record<DbAssessmentStatus, { value: string; label: string }>);

export type AssessmentState = ValueOfVocabulary<typeof assessmentStates>;

export const assessmentEventKinds = defineVocabulary({
  STARTED: { value: "started", label: "Started" },
  SUBMITTED: { value: "submitted", label: "Submitted for sign-off" },
  RETURNED: { value: "returned", label: "Returned" },
  APPROVED: { value: "approved", label: "Approved" },
} as const satisfies Record<DbEventKind, { value: string; label: string }>);

export type AssessmentEventKind = ValueOfVocabulary<typeof assessmentEventKinds>;
