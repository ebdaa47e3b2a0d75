// "As of" a day: the end of an audit period. What was true at the end of that
// day (UTC), read from history. Pure.
import { z } from "zod";

export type AsOf = { day: string; /** The first instant after the day: everything before it counts. */ cutoff: Date };

const DAY = 86_400_000;

/**
 * The day asked for, if it is one: a real calendar day, not after today (the
 * future has no history), and not before 2000. Anything else is no as-of at all
 * (`null`) or, when something was asked, an error to show.
 */
export function parseAsOf(value: unknown, today: Date): { asOf: AsOf | null; error: string | null } {
  if (value === undefined || value === null || value === "") return { asOf: null, error: null };
  const day = z.iso.date().safeParse(value);
  if (!day.success) return { asOf: null, error: "Give the day as YYYY-MM-DD." };
  if (day.data > today.toISOString().slice(0, 10)) return { asOf: null, error: "The day is still to come; choose today or a day before it." };
  if (day.data < "2000-01-01") return { asOf: null, error: "Choose a day from 2000 on." };
  return { asOf: { day: day.data, cutoff: new Date(Date.parse(`${day.data}T00:00:00Z`) + DAY) }, error: null };
}
