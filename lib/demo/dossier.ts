// The full write-up of one assessment: what a careful reviewer records when an
// audit will read the report alone. `npm run seed:scale` gives one service
// (DOSSIER_SLUG) such an assessment, so the benchmark can time the long PDF the
// issue asks for (about 60 pages) on realistic text rather than padding.
import type { ChecklistItem } from "../checklist";
import type { GeneratedResponse } from "./history";

export const DOSSIER_SLUG = "audit-evidence-archive";

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The response with a justification and notes written out in full, within the answer limits. */
export function writeUp(item: ChecklistItem, response: GeneratedResponse, reviewedOn: Date): GeneratedResponse {
  const day = reviewedOn.toISOString().slice(0, 10);
  const verdict =
    response.status === "met"
      ? "The control is in place and was seen working."
      : response.status === "partially_met"
        ? "The control is in place for part of the service; the remainder is recorded as a finding."
        : response.status === "not_met"
          ? "The control is not in place; a finding records the gap and its owner."
          : "The item does not apply to this service, for the reason below.";
  const justification = [
    `${sentence(response.justification)} ${verdict}`,
    `What good looks like: ${sentence(lowerFirst(item.guidance))}`,
    `How it was checked on ${day}: ${sentence(lowerFirst(item.verify))}`,
    `Evidence kept: ${sentence(lowerFirst(item.evidence))}`,
  ].join("\n\n");
  const notes = [
    `Scope. The review covered the service's repository at the tagged release, its deployment manifests, the pipeline definition that builds it, and the runtime settings of the production environment as exported by the platform team on ${day}.`,
    `Method. Two reviewers read item ${item.id} independently and compared notes.`,
    `Observations. ${sentence(response.notes || "Nothing beyond the justification")} The owning team confirmed the reading in the review meeting, and no compensating control was relied on for this answer.`,
    `Follow-up. ${response.status === "met" ? "None required; the item is re-checked at the next periodic review." : "The finding carries the owner and due date agreed in the review meeting; progress is tracked on the finding, not in this note."}`,
  ].join("\n\n");
  return { ...response, justification: justification.slice(0, 4000), notes: notes.slice(0, 10_000) };
}
