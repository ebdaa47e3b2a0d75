// What the walk's server actions accept, validated at the edge. Kept apart from
// the actions so the rules are unit-tested on their own.
import { z } from "zod";
import { itemIdPattern } from "../checklist/schema";
import { answerStatuses } from "../vocabulary/answers";
import { isEvidenceLink, LIMITS } from "./answer-rules";

export const assessmentIdSchema = z.uuid("Not an assessment.");
export const itemIdSchema = z.string().regex(itemIdPattern, "Not a checklist item id.");

export const saveAnswerSchema = z.object({
  assessmentId: assessmentIdSchema,
  itemId: itemIdSchema,
  baseVersion: z.coerce.number().int().min(1).max(2_000_000_000),
  status: z.enum(answerStatuses.values, "Choose a status."),
  justification: z.string().max(LIMITS.justification, `Keep the justification under ${LIMITS.justification} characters.`).default(""),
  notes: z.string().max(LIMITS.notes, `Keep notes under ${LIMITS.notes} characters.`).default(""),
  // One link per line: a form field, so the action takes the same FormData as any other.
  evidenceLinks: z
    .string()
    .max(LIMITS.evidenceLinks * (LIMITS.evidenceLinkLength + 1))
    .default("")
    .transform((value) => value.split("\n").map((line) => line.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().refine(isEvidenceLink, "Evidence links must be http(s) addresses."))
        .max(LIMITS.evidenceLinks, `At most ${LIMITS.evidenceLinks} links per item.`),
    ),
});

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
