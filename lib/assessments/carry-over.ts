// How a new assessment starts from the last completed one: answers to items
// that have not changed are carried over (to be confirmed); items that are new
// or reworded in the current checklist start unanswered and are marked.
import { contentHash } from "../canonical-json";
import type { ChecklistItem } from "../checklist";
import type { ResponseStatus } from "../vocabulary/answers";

export interface PreviousAnswer {
  itemId: string;
  status: ResponseStatus;
  justification: string;
  notes: string;
  evidenceLinks: string[];
}

export interface StartingAnswer {
  itemId: string;
  status: ResponseStatus;
  justification: string;
  notes: string;
  evidenceLinks: string[];
  carriedOver: boolean;
  itemRevised: boolean;
}

/** Two versions of an item ask the same question when every word of it is the same. */
export function itemFingerprint(item: ChecklistItem): string {
  return contentHash(item);
}

export function startingAnswers(
  current: readonly ChecklistItem[],
  previous: { items: readonly ChecklistItem[]; answers: readonly PreviousAnswer[] } | null,
): StartingAnswer[] {
  const blank = (itemId: string, itemRevised: boolean): StartingAnswer => ({
    itemId,
    status: "unanswered",
    justification: "",
    notes: "",
    evidenceLinks: [],
    carriedOver: false,
    itemRevised,
  });
  if (!previous) return current.map((item) => blank(item.id, false));
  const before = new Map(previous.items.map((item) => [item.id, itemFingerprint(item)]));
  const answers = new Map(previous.answers.map((answer) => [answer.itemId, answer]));
  return current.map((item) => {
    if (before.get(item.id) !== itemFingerprint(item)) return blank(item.id, true);
    const answer = answers.get(item.id);
    if (!answer || answer.status === "unanswered") return blank(item.id, false);
    return {
      itemId: item.id,
      status: answer.status,
      justification: answer.justification,
      notes: answer.notes,
      evidenceLinks: [...answer.evidenceLinks],
      carriedOver: true,
      itemRevised: false,
    };
  });
}
