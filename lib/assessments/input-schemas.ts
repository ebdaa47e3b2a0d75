// What the walk's server actions accept, validated at the edge. Kept apart from
// the actions so the rules are unit-tested on their own.
import { z } from "zod";
import { itemIdPattern } from "../checklist/schema";
import { answerStatuses } from "../vocabulary/answers";
import { isEvidenceLink, LIMITS } from "./answer-rules";

export const assessmentIdSchema = z.uuid("Not an assessment.");
export const itemIdSchema = z.string().regex(itemIdPattern, "Not a checklist item id.");

/** Evidence links: a list (autosave sends its answer as typed data), or one per line (a plain form field). */
const evidenceLinksSchema = z
  .union([
    z.array(z.string().max(LIMITS.evidenceLinkLength + 1)),
    z
      .string()
      .max(LIMITS.evidenceLinks * (LIMITS.evidenceLinkLength + 1))
      .transform((value) => value.split("\n")),
  ])
  .transform((links) => links.map((link) => link.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().refine(isEvidenceLink, "Evidence links must be http(s) addresses."))
      .max(LIMITS.evidenceLinks, `At most ${LIMITS.evidenceLinks} links per item.`),
  );

/** An answer to one checklist item: the one shape the walk, autosave, the action and the data layer share. */
export const answerValuesSchema = z.object({
  status: z.enum(answerStatuses.values, "Choose a status."),
  justification: z.string().max(LIMITS.justification, `Keep the justification under ${LIMITS.justification} characters.`).default(""),
  notes: z.string().max(LIMITS.notes, `Keep notes under ${LIMITS.notes} characters.`).default(""),
  evidenceLinks: evidenceLinksSchema.default([]),
});

export type AnswerValues = z.output<typeof answerValuesSchema>;

export const saveAnswerSchema = answerValuesSchema.extend({
  assessmentId: assessmentIdSchema,
  itemId: itemIdSchema,
  baseVersion: z.coerce.number().int().min(1).max(2_000_000_000),
});

export type SaveAnswerInput = z.input<typeof saveAnswerSchema>;

export const returnSchema = z.object({
  assessmentId: assessmentIdSchema,
  comment: z.string().trim().min(3, "Say what needs another look.").max(4000),
  // Item ids separated by commas, spaces or new lines; optional.
  itemIds: z
    .string()
    .max(2000)
    .default("")
    .transform((value) => [...new Set(value.split(/[\s,]+/).filter(Boolean))])
    .pipe(z.array(itemIdSchema).max(100)),
});
