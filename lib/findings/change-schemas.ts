// The fields of a lead's changes to findings, declared once for the finding's
// own forms and for the bulk change on a service's report.
import { z } from "zod";
import { severities } from "../vocabulary/levels";

export const findingId = z.uuid("Not a finding.");
export const reason = z.string().trim().min(5, "Say why, in a few words.").max(1000, "At most 1000 characters.");
export const ownerId = z.union([z.uuid(), z.literal("")]);
export const dueOn = z.iso.date("Choose a date.");
export const progressStatus = z.enum(["open", "in_progress"]);
export const severity = z.enum(severities.values, "Choose a severity.");

/** The most findings one bulk change may name. */
export const BULK_FINDINGS_LIMIT = 200;

/** Finding ids, comma-separated as a form posts them, or a list. */
const findingIds = z
  .union([z.string().transform((text) => text.split(",").filter(Boolean)), z.array(z.string())])
  .pipe(z.array(findingId).min(1, "Choose at least one finding.").max(BULK_FINDINGS_LIMIT, `Choose at most ${BULK_FINDINGS_LIMIT} findings at once.`));

/** One change for several findings: which change, and its fields. */
export const bulkFindingChangeSchema = z.discriminatedUnion(
  "change",
  [
    z.object({ change: z.literal("owner"), findingIds, ownerId }),
    z.object({ change: z.literal("due"), findingIds, dueOn, reason }),
    z.object({ change: z.literal("severity"), findingIds, severity, reason }),
    z.object({ change: z.literal("progress"), findingIds, status: progressStatus }),
  ],
  { error: "Choose what to change." },
);

export type BulkFindingChange = z.infer<typeof bulkFindingChangeSchema>;
