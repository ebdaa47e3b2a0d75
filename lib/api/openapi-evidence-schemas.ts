// The evidence API's schemas: a submission, and the drift it may find against
// the latest approval (in a submission's answer, and listed per service).
import { evidenceSubmissionSchema } from "../evidence/schema";
import { answerStatuses } from "../vocabulary/answers";
import { inputSchema, nullable, oneOf } from "./openapi-helpers";

const DRIFT_KIND = oneOf(["contradicted", "citation_changed"]);

export const EVIDENCE_SCHEMAS = {
  EvidenceSubmission: inputSchema(evidenceSubmissionSchema),
  Drifted: {
    type: "array",
    description: "Items whose approved answer this evidence no longer agrees with (contradicted, or a cited line changed)",
    items: {
      type: "object",
      required: ["itemId", "kind"],
      properties: { itemId: { type: "string" }, kind: DRIFT_KIND },
    },
  },
  Drift: {
    type: "object",
    description: "An approved answer that evidence submitted since no longer agrees with",
    required: ["itemId", "kind", "approvedStatus", "observedStatus", "assessmentId", "source", "detail", "file", "line", "detectedAt"],
    properties: {
      itemId: { type: "string" },
      kind: { ...DRIFT_KIND, description: "Worse than approved, or a line the approved answer cites reads differently" },
      approvedStatus: oneOf(answerStatuses.values),
      observedStatus: oneOf(answerStatuses.values),
      assessmentId: { type: "string", format: "uuid", description: "The approved assessment it drifted from" },
      source: { type: "string", description: "The evidence's source (the scanner, a tool)" },
      detail: { type: "string" },
      file: nullable("string"),
      line: nullable("integer"),
      detectedAt: { type: "string", format: "date-time" },
    },
  },
};
