// The checklist as versioned data. Every version is validated by its zod schema
// when loaded; its content hash is what assessments pin.
import { contentHash } from "./hash";
import { checklistSchema, type Checklist, type ChecklistItem, type Factor } from "./schema";
import { checklistV1 } from "./v1";

export type { Checklist, ChecklistItem, Factor };
export { type Reference } from "./schema";

/** Every published version, oldest first. Append; never edit a published one. */
export const CHECKLIST_VERSIONS: Checklist[] = [checklistSchema.parse(checklistV1)];

export function latestChecklist(): Checklist {
  const latest = CHECKLIST_VERSIONS.at(-1);
  if (!latest) throw new Error("no checklist version is defined");
  return latest;
}

export function checklistHash(checklist: Checklist): string {
  return contentHash(checklist.factors);
}

export function allItems(checklist: Checklist): ChecklistItem[] {
  return checklist.factors.flatMap((factor) => factor.items);
}

/** Parses checklist JSON read back from the database (the `items` column). */
export function parseStoredFactors(value: unknown): Factor[] {
  return checklistSchema.shape.factors.parse(value);
}
