// The schemas the OpenAPI document (lib/api/openapi.ts) refers to. Inputs are
// generated from the zod schemas the routes validate with; responses are written
// out from lib/api/shapes.ts, with their lists of values from lib/vocabulary,
// and tests/integration/api-shapes.test.ts validates real responses against them.
import { catalogBodySchema } from "../catalog/api-body";
import { DUE_STATES } from "../findings/due";
import { serviceFieldsSchema } from "../services/schemas";
import { answerStatuses, suggestionOutcomes } from "../vocabulary/answers";
import { VALIDATION_STANDINGS } from "../assessments/validation";
import { assessmentStates } from "../vocabulary/assessments";
import { findingStatuses } from "../vocabulary/findings";
import { severities, tiers } from "../vocabulary/levels";
import { API_ERRORS } from "./errors";

import { inputSchema, nullable, oneOf, ref } from "./openapi-helpers";
import { EVIDENCE_SCHEMAS } from "./openapi-evidence-schemas";

const factorScores = {
  type: "array",
  items: { type: "object", properties: { number: { type: "integer" }, name: { type: "string" }, score: nullable("number") } },
};

/** What every view of a finding says of it. */
const FINDING_FIELDS = {
  id: { type: "string", format: "uuid" },
  itemId: { type: "string" },
  title: { type: "string" },
  severity: oneOf(severities.values),
  status: oneOf(findingStatuses.values),
};

/** Where a catalogue row was read: the file as sent, and a 1-based line. */
const PLACE = { file: { type: "string" }, line: { type: "integer" } };

export const COMPONENT_SCHEMAS = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { type: "string", enum: Object.keys(API_ERRORS) }, message: { type: "string" }, details: {} },
      },
    },
  },
  Pagination: {
    type: "object",
    required: ["page", "pageSize", "total", "pages"],
    properties: { page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" }, pages: { type: "integer" } },
  },
  Checklist: {
    type: "object",
    properties: {
      version: { type: "string" },
      factors: {
        type: "array",
        items: {
          type: "object",
          properties: {
            number: { type: "integer" },
            name: { type: "string" },
            items: {
              type: "array",
              items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" }, severity: { type: "string" } } },
            },
          },
        },
      },
    },
  },
  ServiceSummary: {
    type: "object",
    required: ["slug", "name", "team", "criticality", "latestScore", "currentScore", "lastAssessedAt", "review", "factors"],
    properties: {
      slug: { type: "string" },
      name: { type: "string" },
      team: { type: "string" },
      criticality: oneOf(tiers.values),
      latestScore: nullable("number", { description: "The score the latest approval froze" }),
      currentScore: nullable("number", {
        description: "For a service on platforms: its posture now, its approved answers with the platforms' current answers applied; null when it runs on none",
      }),
      lastAssessedAt: nullable("string", { format: "date-time" }),
      review: {
        type: "object",
        description:
          "When the next review is due by the tier's cadence (null: never reviewed, due now), and how that stands: never, overdue, due_soon (within 14 days) or current.",
        required: ["dueOn", "state"],
        properties: { dueOn: nullable("string", { format: "date-time" }), state: oneOf(["never", "overdue", "due_soon", "current"]) },
      },
      factors: factorScores,
    },
  },
  Service: {
    allOf: [
      ref("ServiceSummary"),
      {
        type: "object",
        required: ["id", "description", "repositoryUrl", "owner", "assessmentUnderWay", "openFindings"],
        properties: {
          id: { type: "string", format: "uuid" },
          description: { type: "string" },
          repositoryUrl: nullable("string"),
          owner: nullable("string"),
          assessmentUnderWay: {
            type: ["object", "null"],
            properties: { id: { type: "string", format: "uuid" }, status: oneOf(assessmentStates.values) },
          },
          openFindings: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "itemId", "title", "severity", "status", "dueDate"],
              properties: {
                ...FINDING_FIELDS,
                dueDate: nullable("string", { format: "date-time" }),
              },
            },
          },
        },
      },
    ],
  },
  NewService: inputSchema(serviceFieldsSchema),
  AssessmentSummary: {
    type: "object",
    required: ["id", "status", "checklistVersion", "startedAt", "submittedAt", "approvedAt", "approvedBy", "overallScore"],
    properties: {
      id: { type: "string", format: "uuid" },
      status: oneOf(assessmentStates.values),
      checklistVersion: { type: "string" },
      startedAt: { type: "string", format: "date-time" },
      submittedAt: nullable("string", { format: "date-time" }),
      approvedAt: nullable("string", { format: "date-time" }),
      approvedBy: nullable("string"),
      overallScore: nullable("number"),
    },
  },
  Assessment: {
    allOf: [
      ref("AssessmentSummary"),
      {
        type: "object",
        required: ["service", "factors", "items"],
        properties: {
          service: {
            type: "object",
            required: ["slug", "name", "team"],
            properties: { slug: { type: "string" }, name: { type: "string" }, team: { type: "string" } },
          },
          factors: factorScores,
          items: {
            type: "array",
            items: {
              type: "object",
              required: ["itemId", "factor", "status", "justification", "notes", "evidenceLinks", "updatedBy", "updatedAt", "suggestion", "attestation"],
              properties: {
                itemId: { type: "string" },
                factor: { type: "integer", minimum: 1, maximum: 12 },
                status: oneOf(answerStatuses.values),
                justification: { type: "string" },
                notes: { type: "string" },
                evidenceLinks: { type: "array", items: { type: "string", format: "uri" } },
                updatedBy: nullable("string"),
                updatedAt: nullable("string", { format: "date-time" }),
                suggestion: {
                  type: ["object", "null"],
                  description: "The machine suggestion this answer accepted or overrode",
                  properties: { outcome: oneOf(suggestionOutcomes.values), source: { type: "string" }, decidedBy: nullable("string") },
                },
                attestation: {
                  type: "object",
                  description:
                    "Who gave the answer as it stands, and security's check of it: agreed (validated), sent back to whoever attested it, pending, or accepted outside a drawn validation sample",
                  required: ["attestedBy", "attestedAt", "validation", "validatedBy", "validatedAt"],
                  properties: {
                    attestedBy: nullable("string"),
                    attestedAt: nullable("string", { format: "date-time" }),
                    validation: oneOf(VALIDATION_STANDINGS),
                    validatedBy: nullable("string"),
                    validatedAt: nullable("string", { format: "date-time" }),
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
  ...EVIDENCE_SCHEMAS,
  CatalogSync: inputSchema(catalogBodySchema),
  CatalogPlan: {
    type: "object",
    required: ["applied", "digest", "counts", "create", "update", "markMissing", "refused", "ignored"],
    properties: {
      applied: { type: "boolean", description: "Whether this request changed anything" },
      digest: { type: "string", description: "SHA-256 of what the plan writes; send it back as expectedDigest to apply exactly this plan" },
      counts: {
        type: "object",
        required: ["created", "updated", "markedMissing", "unchanged", "stillMissing", "refused", "ignored"],
        properties: Object.fromEntries(
          ["created", "updated", "markedMissing", "unchanged", "stillMissing", "refused", "ignored"].map((k) => [k, { type: "integer" }]),
        ),
      },
      create: {
        type: "array",
        items: {
          type: "object",
          properties: {
            ...PLACE,
            ref: { type: "string" },
            name: { type: "string" },
            team: { type: "string" },
            tier: oneOf(tiers.values),
          },
        },
      },
      update: {
        type: "array",
        items: {
          type: "object",
          properties: {
            ...PLACE,
            ref: { type: "string" },
            slug: { type: "string" },
            name: { type: "string" },
            team: { type: "string" },
            changes: { type: "array", items: { type: "string" } },
          },
        },
      },
      markMissing: {
        type: "array",
        items: { type: "object", properties: { ref: { type: "string" }, slug: { type: "string" }, name: { type: "string" }, team: { type: "string" } } },
      },
      refused: { type: "array", items: { type: "object", properties: { ...PLACE, reason: { type: "string" } } } },
      ignored: { type: "array", items: { type: "object", properties: { ...PLACE, ref: { type: "string" } } } },
    },
  },
  Finding: {
    type: "object",
    required: [
      "id",
      "itemId",
      "title",
      "severity",
      "status",
      "service",
      "team",
      "owner",
      "openedAt",
      "dueDate",
      "dueState",
      "resolvedAt",
      "riskAcceptanceExpiresAt",
    ],
    properties: {
      ...FINDING_FIELDS,
      service: { type: "string" },
      team: { type: "string" },
      owner: nullable("string"),
      openedAt: { type: "string", format: "date-time" },
      dueDate: nullable("string", { format: "date-time" }),
      dueState: oneOf(DUE_STATES),
      resolvedAt: nullable("string", { format: "date-time" }),
      riskAcceptanceExpiresAt: nullable("string", { format: "date-time" }),
    },
  },
};
