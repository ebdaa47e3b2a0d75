// What the API's paths and query strings accept: the routes parse with these,
// and the OpenAPI document (lib/api/openapi.ts) is generated from them.
import { z } from "zod";
import { findingFilterSchema } from "../findings/filter";

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const slugParam = z.string().regex(/^[a-z0-9-]{1,80}$/, "a service slug: lowercase letters, digits and hyphens");
export const idParam = z.uuid();

/** An assessment's export: the report, or its data. */
export const exportFormatQuery = z.enum(["pdf", "csv", "json"]).default("pdf");

/** The findings list's filters, as the findings page takes them (its own paging is pageQuery). */
export const findingsQuery = findingFilterSchema.omit({ page: true });
