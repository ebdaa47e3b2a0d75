// How long a piece of evidence stands. Each file attached to an answer says
// when what it shows was true (effective) and until when it stands (valid
// until); past that, the answer needs re-attestation. Defaults per item: a
// record of a periodic activity is good for its period. Data, not checklist
// content, so tuning it never makes a new checklist version. Pure.
import { z } from "zod";

/** Items whose evidence is a record of something done on a cadence, and that cadence in days. */
export const EVIDENCE_VALID_DAYS: Readonly<Record<string, number>> = {
  "F01-ACCESS-REVIEW": 90,
  "F01-REPO-ACCESS": 90,
  "F03-ROTATION": 90,
  "F04-LEAST-PRIVILEGE": 90,
  "F12-LEAST-PRIVILEGE": 90,
  "F02-COMPOSITION-ANALYSIS": 30,
  "F02-SBOM": 90,
  "F08-LOAD-TESTED": 180,
  "F04-THIRD-PARTY-ASSURANCE": 365,
};
/** Any other item's evidence stands for a year. */
export const DEFAULT_VALID_DAYS = 365;

export function validDaysFor(itemId: string): number {
  return EVIDENCE_VALID_DAYS[itemId] ?? DEFAULT_VALID_DAYS;
}

const DAY = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The valid-until date an item's evidence gets by default, from when it was true. */
export function defaultValidUntil(itemId: string, effectiveOn: string): string {
  return dayOf(new Date(Date.parse(`${effectiveOn}T00:00:00Z`) + validDaysFor(itemId) * DAY));
}

export type EvidenceDates = { ok: true; effectiveOn: string; validUntil: string } | { ok: false; field: "effectiveOn" | "validUntil"; message: string };

/**
 * The dates a file is attached with, checked against today: true as of today
 * unless said otherwise, and never in the future; valid until the item's default
 * unless said otherwise, and never before it was true.
 */
export function evidenceDates(itemId: string, input: { effectiveOn?: string; validUntil?: string }, today: Date): EvidenceDates {
  const effectiveOn = input.effectiveOn || dayOf(today);
  if (effectiveOn > dayOf(today)) return { ok: false, field: "effectiveOn", message: "Evidence cannot be true as of a day still to come." };
  const validUntil = input.validUntil || defaultValidUntil(itemId, effectiveOn);
  if (validUntil < effectiveOn) return { ok: false, field: "validUntil", message: "Evidence cannot stop standing before the day it was true." };
  return { ok: true, effectiveOn, validUntil };
}

/** Whether evidence valid until that day has run out by `today` (it stands through its last day). */
export function hasExpired(validUntil: Date | null, today: Date): boolean {
  return validUntil !== null && dayOf(validUntil) < dayOf(today);
}

const isoDay = z.iso.date({ message: "Give a date as YYYY-MM-DD." });
export const evidenceDatesSchema = z.object({
  effectiveOn: z.union([isoDay, z.literal("")]).default(""),
  validUntil: z.union([isoDay, z.literal("")]).default(""),
});
