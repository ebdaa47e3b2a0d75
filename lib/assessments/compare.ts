// What changed between two assessments of a service: per item, better, worse
// or the same; per factor, the score difference.
import type { ChecklistItem } from "../checklist";
import { itemScore } from "../scoring/score";
import type { ResponseStatus } from "../vocabulary/answers";
import { scoreChange } from "../scoring/mean";

/** "reclassified": moved to or from not applicable, which is neither better nor worse. */
export type ItemChange = "improved" | "regressed" | "unchanged" | "reclassified" | "new";

export interface ItemDifference {
  itemId: string;
  factor: number;
  title: string;
  before: ResponseStatus | null;
  after: ResponseStatus;
  change: ItemChange;
}

export interface FactorDifference {
  factor: number;
  before: number | null;
  after: number | null;
  delta: number | null;
}

function changeOf(before: ResponseStatus | null, after: ResponseStatus): ItemChange {
  if (before === null) return "new";
  if (before === after) return "unchanged";
  const [a, b] = [itemScore(before), itemScore(after)];
  if (a === null || b === null) return "reclassified";
  return b > a ? "improved" : b < a ? "regressed" : "unchanged";
}

export function compareItems(
  items: readonly ChecklistItem[],
  before: ReadonlyMap<string, ResponseStatus>,
  after: ReadonlyMap<string, ResponseStatus>,
): ItemDifference[] {
  return items.map((item) => {
    const was = before.get(item.id) ?? null;
    const now = after.get(item.id) ?? "unanswered";
    return { itemId: item.id, factor: item.factor, title: item.title, before: was, after: now, change: changeOf(was, now) };
  });
}

export function compareFactors(before: readonly (number | null)[] | null, after: readonly (number | null)[]): FactorDifference[] {
  return after.map((score, index) => {
    const was = before?.[index] ?? null;
    return { factor: index + 1, before: was, after: score, delta: scoreChange(was, score) };
  });
}
