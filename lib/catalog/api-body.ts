// What POST /api/v1/catalog takes: the catalogue's files, and whether to apply.
// The route validates with it and the OpenAPI document is generated from it.
import { z } from "zod";

export const catalogBodySchema = z.object({
  files: z
    .array(z.object({ path: z.string().min(1).max(1000), content: z.string() }))
    .min(1, "Send at least one file.")
    .max(20_000, "At most 20,000 files."),
  apply: z.boolean().default(false),
  /** The digest of the preview to apply: refused if the plan is no longer that one. */
  expectedDigest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export type CatalogBody = z.infer<typeof catalogBodySchema>;
