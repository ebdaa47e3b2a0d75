// What the API answers matches what its OpenAPI document promises: real
// responses, built by lib/api/shapes.ts from the data layer's views of the demo
// organisation and serialised as the routes serialise them, are validated
// against the document's schemas with Ajv (JSON Schema 2020-12, OpenAPI 3.1's).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<"lead" | "auditor", Principal>;

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({ database: "twelvefold_api_shapes", people: { lead: "lead@demo.test", auditor: "auditor@demo.test" } }));
  return () => prisma.$disconnect();
});

describe("the API's responses", () => {
  it("match the schemas the OpenAPI document gives them", async () => {
    const { OPENAPI_DOCUMENT } = await import("@/lib/api/openapi");
    const { assessmentJson, driftJson, findingJson, serviceDetailJson, serviceSummaryJson } = await import("@/lib/api/shapes");
    const { listOpenDrifts } = await import("@/lib/data/services/drift");
    const { listServiceSummaries } = await import("@/lib/data/services/list-service-summaries");
    const { getService } = await import("@/lib/data/services/get-service");
    const { getAssessment } = await import("@/lib/data/assessments/get-assessment");
    const { listFindings } = await import("@/lib/data/findings/list-findings");
    const { parseFindingFilter } = await import("@/lib/findings/filter");

    const ajv = addFormats(new Ajv2020({ strict: false }));
    ajv.addSchema({ $id: "doc", components: OPENAPI_DOCUMENT.components }, "doc");
    const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    const check = (schema: string, value: unknown) => {
      const valid = ajv.validate({ $ref: `doc#/components/schemas/${schema}` }, wire(value));
      expect(valid, `${schema}: ${ajv.errorsText()}`).toBe(true);
    };

    const summaries = await listServiceSummaries(as.lead);
    expect(summaries.length).toBeGreaterThan(0);
    const cadence = { intervals: { critical: 90, high: 180, medium: 365, low: 365 }, now: new Date("2026-11-29T09:30:00Z") };
    for (const summary of summaries) check("ServiceSummary", serviceSummaryJson(summary, cadence));
    const detail = await getService(as.lead, "checkout-api");
    check("Service", serviceDetailJson(detail, cadence));
    const assessments = await prisma.assessment.findMany({ where: { service: { team: { slug: "payments" } } }, take: 3, orderBy: { startedAt: "desc" } });
    for (const { id } of assessments) check("Assessment", assessmentJson(await getAssessment(as.lead, id)));
    const findings = await listFindings(as.lead, parseFindingFilter({ status: "all" }), new Date("2026-11-29T09:30:00Z"), 100);
    expect(findings.rows.length).toBeGreaterThan(0);
    for (const row of findings.rows) check("Finding", findingJson(row));
    // The demo's drifted service (a pipeline's Trivy import contradicting an approved answer).
    const drifts = await listOpenDrifts(as.auditor, new Date("2026-11-29T09:30:00Z"));
    expect(drifts.length).toBeGreaterThan(0);
    for (const drift of drifts) check("Drift", driftJson(drift));
  });
});
