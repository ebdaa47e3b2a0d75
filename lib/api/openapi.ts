// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. What
// a route accepts (path, query and body) is generated from the zod schema the
// route validates with (zod's own JSON Schema output, draft 2020-12, which
// OpenAPI 3.1 uses), so the two cannot drift. A test checks the document against
// the route handlers, method by method, and against the schemas, input by input.
import type { z } from "zod";
import { inputSchema, nullable, ref } from "./openapi-helpers";
import { COMPONENT_SCHEMAS } from "./openapi-schemas";
import { exportFormatQuery, findingsQuery, idParam, pageQuery, slugParam } from "./params";

const queryParameters = (schema: z.ZodObject) =>
  Object.entries(schema.shape).map(([name, field]) => ({ name, in: "query", schema: inputSchema(field as z.ZodType) }));

const json = (schema: object) => ({ "application/json": { schema } });
const header = (description: string, type = "string") => ({ description, schema: { type } });
const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": header("Requests this token may make a minute", "integer"),
  "RateLimit-Remaining": header("Requests left in the current minute", "integer"),
  "RateLimit-Reset": header("Seconds until the current minute's window ends", "integer"),
  "RateLimit-Policy": header('The policy, e.g. "120;w=60"'),
};
const HEADERS: Record<number, object> = {
  401: { "WWW-Authenticate": header('Bearer realm="twelvefold" (with error="invalid_token" for an expired or revoked token), RFC 6750') },
  429: { "Retry-After": header("Seconds to wait", "integer"), ...RATE_LIMIT_HEADERS },
};
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      { description: STATUS_TEXT[code] ?? "Error", ...(HEADERS[code] ? { headers: HEADERS[code] } : {}), content: json(ref("Error")) },
    ]),
  );
const STATUS_TEXT: Record<number, string> = {
  401: "No token, or a token that is unknown, expired, revoked or whose creator lost access",
  403: "The token's role does not allow this",
  404: "Not found, or outside the token's team",
  408: "The upload sent nothing for 30 seconds, or took over 10 minutes",
  413: "Body larger than 1 MiB",
  422: "Invalid input; `details` says where",
  429: "Too many requests for this token this minute (see Retry-After and the RateLimit headers, which every answer to a token carries)",
};
const common = errors(401, 429);
const pageParams = queryParameters(pageQuery);
const slug = { name: "slug", in: "path", required: true, schema: inputSchema(slugParam) };
const id = { name: "id", in: "path", required: true, schema: inputSchema(idParam) };
const paged = (item: object) => ({
  type: "object",
  required: ["data", "pagination"],
  properties: { data: { type: "array", items: item }, pagination: ref("Pagination") },
});

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Twelvefold API",
    version: "1.0.0",
    description:
      'Read services, checklist items, assessments, findings and scores, add services, submit evidence for a service\'s items and download exports. Every request needs a team API token (Authorization: Bearer tf_…), created by a lead or an admin under API tokens, except the catalogue sync, which takes an integration token an admin makes (tfi_…). A "submit evidence" token acts as a reviewer of its team, a "read" token as an auditor. Errors are JSON with a stable `code`.',
  },
  servers: [{ url: "/" }],
  security: [{ bearer: [] }],
  paths: {
    "/api/v1/openapi.json": {
      get: { summary: "This document", security: [], responses: { "200": { description: "The OpenAPI document", content: json({ type: "object" }) } } },
    },
    "/api/v1/checklist": {
      get: {
        summary: "The current checklist: factors and item ids",
        responses: { "200": { description: "The checklist", content: json(ref("Checklist")) }, ...common },
      },
    },
    "/api/v1/services": {
      get: {
        summary: "The token's team's services, with their latest scores",
        parameters: pageParams,
        responses: { "200": { description: "A page of services", content: json(paged(ref("ServiceSummary"))) }, ...common, ...errors(422) },
      },
      post: {
        summary: "Add a service to the token's team (submit-evidence tokens)",
        requestBody: { required: true, content: json(ref("NewService")) },
        responses: {
          "201": {
            description: "Created",
            content: json({ type: "object", required: ["id", "slug"], properties: { id: { type: "string", format: "uuid" }, slug: { type: "string" } } }),
          },
          ...common,
          ...errors(403, 413, 422),
        },
      },
    },
    "/api/v1/services/{slug}": {
      get: {
        summary: "One service: scores per factor, open findings, the assessment under way",
        parameters: [slug],
        responses: { "200": { description: "The service", content: json(ref("Service")) }, ...common, ...errors(404, 422) },
      },
    },
    "/api/v1/services/{slug}/assessments": {
      get: {
        summary: "A service's assessments, newest first",
        parameters: [slug, ...pageParams],
        responses: { "200": { description: "A page of assessments", content: json(paged(ref("AssessmentSummary"))) }, ...common, ...errors(404, 422) },
      },
    },
    "/api/v1/services/{slug}/drifts": {
      get: {
        summary: "A service's open drifts: approved answers that evidence since no longer agrees with, newest first",
        parameters: [slug],
        responses: {
          "200": {
            description: "The open drifts, with the approved score and the current score (drift applied)",
            content: json({
              type: "object",
              required: ["service", "approvedScore", "currentScore", "data"],
              properties: {
                service: { type: "string" },
                approvedScore: nullable("number"),
                currentScore: nullable("number"),
                data: { type: "array", items: ref("Drift") },
              },
            }),
          },
          ...common,
          ...errors(404, 422),
        },
      },
    },
    "/api/v1/services/{slug}/evidence": {
      post: {
        summary: "Submit evidence for a service's items; each result becomes a suggested answer for the reviewer",
        parameters: [slug],
        requestBody: { required: true, content: json(ref("EvidenceSubmission")) },
        responses: {
          "201": {
            description: "Recorded",
            content: json({
              type: "object",
              required: ["service", "accepted", "assessmentUnderWay", "drifted", "currentScore"],
              properties: {
                service: { type: "string" },
                accepted: { type: "integer" },
                assessmentUnderWay: nullable("string", { format: "uuid" }),
                drifted: ref("Drifted"),
                currentScore: nullable("number"),
              },
            }),
          },
          ...common,
          ...errors(403, 404, 413, 422),
        },
      },
    },
    "/api/v1/services/{slug}/evidence/imports": {
      post: {
        summary:
          "Import a tool's output as evidence (SARIF 2.1.0; CycloneDX 1.4–1.6 or SPDX 2.3 JSON; OpenSSF Scorecard JSON; npm audit --json; OSV-Scanner JSON; at most 100 MB, SARIF streamed, others at most 25 MB)",
        parameters: [
          slug,
          { name: "name", in: "query", required: false, schema: { type: "string", maxLength: 200 }, description: "The file's name, kept with the import" },
        ],
        requestBody: {
          required: true,
          description: "The tool's output file itself",
          content: { "application/json": { schema: { type: "object" } }, "application/sarif+json": { schema: { type: "object" } } },
        },
        responses: {
          "201": {
            description: "Recorded: every result kept, the mapped ones suggested per item, drift against the latest approval",
            content: json({
              type: "object",
              required: ["import", "service", "suggested", "assessmentUnderWay", "drifted", "currentScore"],
              properties: {
                import: {
                  type: "object",
                  required: ["id", "format", "formatVersion", "tools", "sha256", "results", "mapped", "notes"],
                  properties: {
                    id: { type: "string", format: "uuid" },
                    format: { type: "string", enum: ["sarif", "cyclonedx", "spdx", "scorecard", "npm-audit", "osv-scanner"] },
                    formatVersion: { type: "string" },
                    tools: {
                      type: "array",
                      items: {
                        type: "object",
                        required: ["name", "version", "producedAt"],
                        properties: { name: { type: "string" }, version: nullable("string"), producedAt: nullable("string", { format: "date-time" }) },
                      },
                    },
                    sha256: { type: "string" },
                    results: { type: "integer" },
                    mapped: { type: "integer" },
                    notes: { type: "array", items: { type: "string" }, description: "What was not mapped or was left out, and why" },
                  },
                },
                service: { type: "string" },
                suggested: {
                  type: "array",
                  items: { type: "object", required: ["itemId", "status"], properties: { itemId: { type: "string" }, status: { type: "string" } } },
                },
                assessmentUnderWay: nullable("string", { format: "uuid" }),
                drifted: ref("Drifted"),
                currentScore: nullable("number"),
              },
            }),
          },
          ...common,
          ...errors(403, 404, 408, 413, 422),
        },
      },
    },
    "/api/v1/assessments/{id}": {
      get: {
        summary: "One assessment with every answer and where machine-suggested answers came from",
        parameters: [id],
        responses: { "200": { description: "The assessment", content: json(ref("Assessment")) }, ...common, ...errors(404, 422) },
      },
    },
    "/api/v1/assessments/{id}/export": {
      get: {
        summary: "Download an assessment's export, recorded and verifiable like one from the UI (read tokens)",
        parameters: [id, { name: "format", in: "query", schema: inputSchema(exportFormatQuery) }],
        responses: {
          "200": {
            description: "The file, with X-Twelvefold-Export and X-Twelvefold-SHA256 headers",
            content: {
              "application/pdf": { schema: { type: "string", format: "binary" } },
              "text/csv": { schema: { type: "string" } },
              "application/json": { schema: { type: "object" } },
            },
          },
          ...common,
          ...errors(403, 404, 422),
        },
      },
    },
    "/api/v1/catalog": {
      post: {
        summary:
          "Sync services from Backstage entity files (the whole catalogue): previews unless apply is true; apply is all or nothing. Takes an integration token for the catalogue sync, made by an admin.",
        security: [{ integration: [] }],
        requestBody: {
          required: true,
          content: {
            ...json(ref("CatalogSync")),
            "application/yaml": { schema: { type: "string", description: "One catalog-info.yaml; add ?apply=true to apply it" } },
          },
        },
        responses: {
          "200": { description: "The plan (applied when asked)", content: json(ref("CatalogPlan")) },
          ...errors(401, 413),
          "422": { description: "Invalid body, or (apply) rows refused: nothing changed", content: json(ref("Error")) },
        },
      },
    },
    "/api/v1/findings": {
      get: {
        summary: "The team's findings, filtered like the findings page",
        parameters: [...queryParameters(findingsQuery), ...pageParams],
        responses: {
          "200": { description: "A page of findings (pageSize, 50 by default, up to 100)", content: json(paged(ref("Finding"))) },
          ...common,
          ...errors(422),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "A Twelvefold API token, tf_ followed by 43 characters" },
      integration: { type: "http", scheme: "bearer", description: "An organisation-wide integration token made by an admin, tfi_ followed by 43 characters" },
    },
    schemas: COMPONENT_SCHEMAS,
  },
} as const;
