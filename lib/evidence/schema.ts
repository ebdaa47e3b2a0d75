// What a pipeline may submit about a service: per checklist item, the answer
// its observations suggest, with the file and line of each. Shared by the API
// (validation) and the scanner (what it sends).
import { z } from "zod";

import { ANSWER_STATUSES } from "../vocabulary/answers";

export const observationSchema = z.object({
  file: z.string().min(1).max(500),
  line: z.number().int().min(1).max(10_000_000).nullable().default(null),
  message: z.string().min(1).max(1000),
  /** SHA-256 of the cited line's text, so a later submission can tell the line changed (drift). */
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "a SHA-256 in hex")
    .optional(),
});

export const evidenceResultSchema = z.object({
  itemId: z.string().regex(/^F\d{2}-[A-Z0-9-]{2,60}$/, "a checklist item id such as F04-TLS"),
  status: z.enum(ANSWER_STATUSES),
  summary: z.string().trim().min(1).max(2000),
  observations: z.array(observationSchema).max(50).default([]),
});

export const evidenceSubmissionSchema = z.object({
  source: z.string().trim().min(1).max(120),
  results: z.array(evidenceResultSchema).min(1).max(200),
});

export type Observation = z.infer<typeof observationSchema>;
export type EvidenceResult = z.infer<typeof evidenceResultSchema>;
export type EvidenceSubmission = z.infer<typeof evidenceSubmissionSchema>;
