// What every self-assessment answer shares: its shape, the people it names,
// and the sentence for what only the operator's platform could show.
import type { AnswerStatus } from "../../vocabulary/answers";

/** Reviewer, approver and the people gaps go to: the Platform team's. */
export const SELF_PEOPLE = { reviewer: "reviewer@demo.test", lead: "lead@demo.test", engineer: "jonas.berg@demo.test" };

export interface SelfAnswer {
  status: AnswerStatus;
  justification: string;
  /** Repository paths (files or folders) that prove the answer. */
  evidence: string[];
  /** For an answer short of met: who closes the gap, and what closes it. */
  gap?: { owner: string; action: string };
}

export const OPERATOR = "The repository cannot show this: it rests on the operator's platform, and no record of it has been attached.";
export const lead = SELF_PEOPLE.lead;
export const engineer = SELF_PEOPLE.engineer;
