// The shape of a checklist version, validated with zod whenever one is loaded
// or published. Item ids are stable forever: a reworded item keeps its id, a
// different question gets a new one.
import { z } from "zod";

import { severities } from "../vocabulary/levels";

const severitySchema = severities.schema;

export const seriesReferenceSchema = z.object({
  kind: z.literal("series"),
  step: z.number().int().min(1).max(12),
  title: z.string().min(1),
  date: z.iso.date(),
});

export const standardReferenceSchema = z.object({
  kind: z.literal("standard"),
  standard: z.enum(["OWASP ASVS 4.0.3", "CIS Controls v8", "SLSA v1.0", "NIST SSDF (SP 800-218)", "The Twelve-Factor App"]),
  ref: z.string().min(1),
});

export const referenceSchema = z.discriminatedUnion("kind", [seriesReferenceSchema, standardReferenceSchema]);
export type Reference = z.infer<typeof referenceSchema>;

export const itemIdPattern = /^F(0[1-9]|1[0-2])-[A-Z0-9]+(-[A-Z0-9]+)*$/;

export const checklistItemSchema = z.object({
  id: z.string().regex(itemIdPattern, "item ids look like F04-TLS"),
  factor: z.number().int().min(1).max(12),
  title: z.string().min(10).max(120),
  /** What good looks like: the state a reviewer should find. */
  guidance: z.string().min(40),
  /** How a reviewer checks it, concretely. */
  verify: z.string().min(30),
  /** What to attach as evidence. */
  evidence: z.string().min(20),
  severity: severitySchema,
  /** "series": the addendum asks for it; otherwise drawn from the methodology or common practice. */
  basis: z.enum(["series", "twelve-factor", "practice"]),
  references: z.array(referenceSchema).min(1),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const factorSchema = z.object({
  number: z.number().int().min(1).max(12),
  key: z.string().regex(/^[a-z-]+$/),
  name: z.string().min(3),
  /** What the addendum's step asks, in our words. */
  summary: z.string().min(40),
  items: z.array(checklistItemSchema).min(5),
});
export type Factor = z.infer<typeof factorSchema>;

export const checklistSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: z.string().min(3),
    publishedAt: z.iso.date(),
    factors: z.array(factorSchema).length(12),
  })
  .superRefine((checklist, ctx) => {
    const seen = new Set<string>();
    checklist.factors.forEach((factor, index) => {
      if (factor.number !== index + 1) {
        ctx.addIssue({ code: "custom", message: `factor ${factor.number} is out of order (expected ${index + 1})` });
      }
      for (const item of factor.items) {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: `duplicate item id ${item.id}` });
        seen.add(item.id);
        if (item.factor !== factor.number || Number(item.id.slice(1, 3)) !== factor.number) {
          ctx.addIssue({ code: "custom", message: `${item.id} is filed under factor ${factor.number}` });
        }
        if (!item.references.some((ref) => ref.kind === "series" && ref.step === factor.number)) {
          ctx.addIssue({ code: "custom", message: `${item.id} does not cite series step ${factor.number}` });
        }
        if (item.basis !== "series" && !item.references.some((ref) => ref.kind === "standard")) {
          ctx.addIssue({ code: "custom", message: `${item.id} goes beyond the series but names no standard` });
        }
      }
    });
  });
export type Checklist = z.infer<typeof checklistSchema>;
