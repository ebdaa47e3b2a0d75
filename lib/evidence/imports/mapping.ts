// The mapping from tools' rules and checks to checklist items is data
// (lib/checklist/v1/evidence-mapping.json, versioned beside the checklist, plus
// an organisation's own file), validated here; applying it to a parsed import
// is pure, so every format's mapping is unit-tested.
import { z } from "zod";
import BUILT_IN from "../../checklist/v1/evidence-mapping.json";

const itemId = z.string().regex(/^F\d{2}-[A-Z0-9-]{2,60}$/);
const problem = z.enum(["met", "partially_met", "not_met"]);
const target = z.object({ item: itemId, status: problem.optional() });
const regexSource = z.string().refine((p) => {
  try {
    new RegExp(p, "i");
    return true;
  } catch {
    return false;
  }
}, "not a regular expression");
const KIND_NAMES = ["secrets", "sca", "sbom", "sast", "iac", "container"] as const;
const kind = z.enum(KIND_NAMES);

export const mappingSchema = z.object({
  version: z.string().min(1),
  checklist: z.string().min(1),
  about: z.string().optional(),
  kinds: z
    .partialRecord(
      kind,
      z.object({
        ran: z.array(target).default([]),
        any: z.array(target).default([]),
        severity: z.partialRecord(z.enum(["critical", "high", "medium", "low"]), z.array(target)).default({}),
      }),
    )
    .default({}),
  tools: z
    .array(
      z.object({
        name: z.string().min(1),
        match: regexSource,
        kind,
        rules: z.array(z.object({ rule: regexSource, items: z.array(target).default([]), kind: kind.optional() })).default([]),
      }),
    )
    .default([]),
  cwe: z.array(z.object({ cwe: z.array(z.number().int().positive()), items: z.array(itemId) })).default([]),
  scorecard: z.array(z.object({ check: z.string(), items: z.array(itemId), met: z.number().min(0).max(10), partially: z.number().min(0).max(10) })).default([]),
});
export type Mapping = z.infer<typeof mappingSchema>;
export type Target = z.infer<typeof target>;
export type Status = z.infer<typeof problem>;

export const BUILT_IN_MAPPING: Mapping = mappingSchema.parse(BUILT_IN);

/** An organisation's entries go first, so they win over the built-in ones. */
export function mergeMappings(base: Mapping, extra: Mapping | null): Mapping {
  if (!extra) return base;
  return {
    ...base,
    version: `${base.version}+${extra.version}`,
    kinds: { ...base.kinds, ...extra.kinds },
    tools: [...extra.tools, ...base.tools],
    cwe: [...extra.cwe, ...base.cwe],
    scorecard: [...extra.scorecard, ...base.scorecard],
  };
}
