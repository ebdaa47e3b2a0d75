// Checkbox groups in a form: each box is its own field, `<prefix><value>` = "on"
// (a form's repeated names would collapse into one when the action reads it).
import { z } from "zod";

/** The values whose boxes were ticked, from fields named `<prefix><value>`. */
export function checkedValues(fields: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(fields)
    .filter(([key, value]) => key.startsWith(prefix) && (value === "on" || value === true))
    .map(([key]) => key.slice(prefix.length));
}

/** A schema that reads a checkbox group into `into`, each value checked by `member`, before the rest is validated. */
export function withChecked<K extends string, M extends z.ZodType, T extends z.ZodRawShape>(prefix: string, into: K, member: M, shape: T, max = 100) {
  const full = z.object(shape).extend({ [into]: z.array(member).max(max) } as { [P in K]: z.ZodArray<M> });
  return z.preprocess((fields) => {
    if (!fields || typeof fields !== "object" || Array.isArray(fields)) return fields;
    const record = fields as Record<string, unknown>;
    return { ...record, [into]: record[into] ?? checkedValues(record, prefix) };
  }, full);
}
