// Tool outputs taken in as evidence, through the data layer and real Postgres:
// each format (fixtures in the tools' own output shapes; SARIF validated
// against the OASIS schema) maps to the expected items and keeps every result;
// bad input is refused with nothing recorded; and evidence that contradicts an
// approved answer is marked as drift, moves the current score, tells the team
// and, when the team asks for it, reopens the finding.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import Ajv2019 from "ajv/dist/2019";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<"lead" | "reviewer", Principal>;
const context = { ipAddress: "192.0.2.9", userAgent: "import-test" };
const root = path.resolve(import.meta.dirname, "../..");
const fixture = (name: string) => readFileSync(path.join(root, "tests/fixtures/imports", name));
const NOW = new Date("2026-11-29T12:00:00Z");

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({ database: "twelvefold_imports", people: { lead: "lead@demo.test", reviewer: "reviewer@demo.test" } }));
  return () => prisma.$disconnect();
});

/** A service of the reviewer's team on no platform, whose latest approval answered `itemId` as met (and, if asked, with no drift open). */
async function approvedMet(itemId: string, undrifted = false) {
  const teams = as.reviewer.memberships.map((m) => m.teamId);
  const rows = await prisma.$queryRaw<{ id: string; slug: string; assessment_id: string }[]>`
    SELECT s.id, s.slug, a.id AS assessment_id FROM services s
    JOIN LATERAL (SELECT id FROM assessments WHERE service_id = s.id AND status = 'completed' ORDER BY approved_at DESC LIMIT 1) a ON true
    JOIN responses r ON r.assessment_id = a.id AND r.item_id = ${itemId} AND r.status = 'met'
    WHERE s.team_id = ANY(${teams}::uuid[]) AND s.archived_at IS NULL AND s.platform_kind IS NULL
      AND NOT EXISTS (SELECT 1 FROM platform_uses p WHERE p.service_id = s.id)
      AND (NOT ${undrifted} OR NOT EXISTS (SELECT 1 FROM drifts d WHERE d.service_id = s.id AND d.resolved_at IS NULL))
    ORDER BY s.slug`;
  if (!rows.length) throw new Error(`no service with ${itemId} approved as met`);
  return rows;
}

const importAs = async (principal: Principal, serviceSlug: string, name: string, bytes: Uint8Array = fixture(name)) => {
  const { importEvidence } = await import("@/lib/data/evidence/import-evidence");
  return importEvidence(principal, { serviceSlug, body: bytes, fileName: name }, context, NOW);
};

describe("importing tool outputs", () => {
  it("the SARIF fixtures are valid SARIF 2.1.0", () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, "tests/schemas/sarif-2.1.0-rtm.5.json"), "utf8")));
    for (const name of ["trivy.sarif", "semgrep.sarif", "gitleaks-clean.sarif", "unmapped-tool.sarif"]) {
      expect(validate(JSON.parse(fixture(name).toString("utf8"))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("the SBOM fixtures are valid CycloneDX 1.5 and 1.6 and SPDX 2.3", () => {
    const schema = (name: string) => JSON.parse(readFileSync(path.join(root, "tests/schemas", name), "utf8"));
    const cyclonedx = new Ajv({ allErrors: true, strict: false, formats: { "iri-reference": true, "idn-email": true } });
    addFormats(cyclonedx);
    cyclonedx.addSchema(schema("cyclonedx/spdx.schema.json"), "spdx.schema.json");
    cyclonedx.addSchema(schema("cyclonedx/jsf-0.82.schema.json"), "jsf-0.82.schema.json");
    const spdx = new Ajv2019({ allErrors: true, strict: false });
    addFormats(spdx);
    for (const [validate, name] of [
      [cyclonedx.compile(schema("cyclonedx/bom-1.5.schema.json")), "cyclonedx-1.5-vulns.json"],
      [cyclonedx.compile(schema("cyclonedx/bom-1.6.schema.json")), "cyclonedx-1.6.json"],
      [spdx.compile(schema("spdx-2.3-schema.json")), "spdx-2.3.json"],
    ] as const) {
      expect(validate(JSON.parse(fixture(name).toString("utf8"))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each([
    ["trivy.sarif", "sarif", 3, { "F02-COMPOSITION-ANALYSIS": "not_met", "F02-REMEDIATION-SLA": "not_met", "F07-UNPRIVILEGED-PORT": "not_met" }],
    ["semgrep.sarif", "sarif", 2, { "F06-INPUT-UNTRUSTED": "not_met", "F05-SECURITY-GATES": "partially_met" }],
    ["gitleaks-clean.sarif", "sarif", 0, { "F01-SECRET-SCANNING": "met", "F03-NO-SECRETS-IN-CODE": "met" }],
    ["cyclonedx-1.5-vulns.json", "cyclonedx", 2, { "F02-SBOM": "met", "F02-COMPOSITION-ANALYSIS": "not_met" }],
    ["cyclonedx-1.6.json", "cyclonedx", 0, { "F02-SBOM": "met" }],
    ["spdx-2.3.json", "spdx", 0, { "F02-SBOM": "met" }],
    ["scorecard.json", "scorecard", 4, { "F01-BRANCH-PROTECTION": "not_met", "F05-HARDENED-BUILDS": "not_met", "F02-TRUSTED-SOURCES": "met" }],
    ["npm-audit.json", "npm-audit", 3, { "F02-COMPOSITION-ANALYSIS": "not_met", "F02-REMEDIATION-SLA": "not_met" }],
    ["osv-scanner.json", "osv-scanner", 2, { "F02-COMPOSITION-ANALYSIS": "met", "F02-REMEDIATION-SLA": "partially_met" }],
  ] as const)("%s: recorded as %s with every result kept and mapped to its items", async (name, format, results, expected) => {
    const [service] = await approvedMet("F01-REPO-ACCESS");
    const answer = await importAs(as.reviewer, service!.slug, name);
    expect(answer.import).toMatchObject({ format, results, sha256: createHash("sha256").update(fixture(name)).digest("hex") });
    expect(Object.fromEntries(answer.suggested.map((s) => [s.itemId, s.status]))).toMatchObject(expected);
    const stored = await prisma.evidenceImport.findUniqueOrThrow({ where: { id: answer.import.id }, include: { results: true, evidence: true } });
    expect(stored).toMatchObject({ serviceId: service!.id, format, fileName: name, byteSize: fixture(name).length, resultCount: results });
    expect(stored.results).toHaveLength(results);
    expect(stored.results.every((r) => r.tool && r.rule && r.message)).toBe(true);
    expect(Object.fromEntries(stored.evidence.map((e) => [e.itemId, e.status.toLowerCase()]))).toMatchObject(expected);
    expect(
      stored.evidence.every((e) => e.source === answer.import.tools.map((t) => `${t.name}${t.version ? ` ${t.version}` : ""}`).join(", ") + ` (${format})`),
    ).toBe(true);
  });

  it("keeps each result's tool, version, rule, location and items", async () => {
    const [service] = await approvedMet("F01-REPO-ACCESS");
    const answer = await importAs(as.reviewer, service!.slug, "trivy.sarif");
    const rows = await prisma.importedResult.findMany({ where: { importId: answer.import.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.tool, r.toolVersion, r.rule, r.severity, r.file, r.line, r.itemIds])).toEqual([
      ["Trivy", "0.57.1", "CVE-2024-21538", "high", "package-lock.json", 1204, ["F02-REMEDIATION-SLA"]],
      ["Trivy", "0.57.1", "CVE-2024-45590", "critical", "package-lock.json", 311, ["F02-COMPOSITION-ANALYSIS", "F02-REMEDIATION-SLA"]],
      ["Trivy", "0.57.1", "KSV012", "medium", "deploy/k8s/deployment.yaml", 21, ["F07-UNPRIVILEGED-PORT"]],
    ]);
    expect(answer.import.tools).toEqual([{ name: "Trivy", version: "0.57.1", producedAt: "2026-11-28T09:15:00.000Z" }]);
  });

  it("refuses what is not a tool output it reads, and a caller who may not submit, recording nothing", async () => {
    const [service] = await approvedMet("F01-REPO-ACCESS");
    const count = async () => [
      await prisma.evidenceImport.count(),
      await prisma.evidence.count(),
      await prisma.importedResult.count(),
      await prisma.drift.count(),
    ];
    const before = await count();
    // Refused after its results were read and written: cut short, or a version other than 2.1.0 given last.
    const trivy = fixture("trivy.sarif").toString("utf8");
    const lastVersion = JSON.stringify({ ...JSON.parse(trivy), version: undefined, last: "2.0.0" }).replace('"last":', '"version":');
    const late = [
      [trivy.slice(0, -40), /not valid JSON/],
      [lastVersion, /SARIF 2\.0\.0 is not read/],
      [trivy.slice(0, -40), /not valid JSON/],
    ] as const;
    for (const [text, reason] of [
      ...late,
      ['{"version":"2.0.0","runs":[]}', /SARIF 2\.0\.0 is not read/],
      ['{"bomFormat":"CycloneDX","specVersion":"2.0"}', /CycloneDX 2\.0 is not read/],
      ["not json at all", /not a JSON object/],
      ['{"runs": [{"tool": ', /not valid JSON/],
    ] as const) {
      await expect(importAs(as.reviewer, service!.slug, "bad.json", Buffer.from(text))).rejects.toThrow(reason);
    }
    const { createToken } = await import("@/lib/data/api/tokens");
    const { authenticateApiRequest } = await import("@/lib/api/authenticate");
    const teamId = (await prisma.service.findUniqueOrThrow({ where: { id: service!.id } })).teamId;
    const { token } = await createToken(as.lead, { teamId, name: "reader", scope: "read", expiresInDays: 30 }, context);
    const reader = await authenticateApiRequest(new Request("http://localhost/api/v1/services", { headers: { authorization: `Bearer ${token}` } }), context);
    await expect(importAs(reader.principal, service!.slug, "trivy.sarif")).rejects.toThrow("forbidden");
    await expect(importAs(as.reviewer, "no-such-service", "trivy.sarif")).rejects.toThrow(/not found/i);
    expect(await count()).toEqual([before[0], before[1], before[2], before[3]]);
  });
});

describe("drift", () => {
  it("marks an approved answer the evidence contradicts, drops the current score, tells the lead, and reopens the finding when the team asks", async () => {
    // A service with no drift open yet (the imports above drifted theirs).
    const [service] = await approvedMet("F07-UNPRIVILEGED-PORT", true);
    const before = await prisma.service.findUniqueOrThrow({ where: { id: service!.id }, include: { team: true } });
    await prisma.team.update({ where: { id: before.teamId }, data: { driftOpensFindings: true } });
    const answer = await importAs(as.reviewer, service!.slug, "trivy.sarif");
    expect(answer.drifted).toContainEqual({ itemId: "F07-UNPRIVILEGED-PORT", kind: "contradicted" });
    const drift = await prisma.drift.findFirstOrThrow({ where: { serviceId: service!.id, itemId: "F07-UNPRIVILEGED-PORT", resolvedAt: null } });
    expect(drift).toMatchObject({
      kind: "CONTRADICTED",
      approvedStatus: "MET",
      observedStatus: "NOT_MET",
      assessmentId: service!.assessment_id,
      file: "deploy/k8s/deployment.yaml",
      line: 21,
    });
    const after = await prisma.service.findUniqueOrThrow({ where: { id: service!.id } });
    expect(after.latestScore).toBe(before.latestScore);
    expect(after.currentScore).not.toBeNull();
    expect(after.currentScore!).toBeLessThan(before.latestScore!);
    const told = await prisma.notificationEvent.findMany({ where: { kind: "evidence.drifted", subjectId: service!.id } });
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toMatch(/drifted/);
    const finding = await prisma.finding.findFirstOrThrow({
      where: { serviceId: service!.id, itemId: "F07-UNPRIVILEGED-PORT" },
      include: { events: { orderBy: { occurredAt: "desc" } } },
    });
    expect(finding.status).toBe("OPEN");
    expect(finding.events[0]).toMatchObject({ assessmentId: null, detail: expect.objectContaining({ drift: expect.stringContaining("Trivy") }) });

    // The same evidence again: still one open drift, nobody told twice.
    await importAs(as.reviewer, service!.slug, "trivy.sarif");
    expect(await prisma.drift.count({ where: { serviceId: service!.id, itemId: "F07-UNPRIVILEGED-PORT", resolvedAt: null } })).toBe(1);
    expect(await prisma.notificationEvent.count({ where: { kind: "evidence.drifted", subjectId: service!.id } })).toBe(1);

    // Evidence that agrees again clears it, and the current score returns.
    const { submitEvidence } = await import("@/lib/data/evidence/submit-evidence");
    await submitEvidence(
      as.reviewer,
      {
        serviceSlug: service!.slug,
        source: "twelvefold-scan 0.1.0",
        results: [{ itemId: "F07-UNPRIVILEGED-PORT", status: "met", summary: "Runs as app on 8080.", observations: [] }],
      },
      context,
      NOW,
    );
    expect(await prisma.drift.findUniqueOrThrow({ where: { id: drift.id } })).toMatchObject({ resolution: expect.stringContaining("agrees") });
  });

  it("with the setting off, a drift opens no finding; a changed cited line is drift too", async () => {
    const rows = await approvedMet("F03-NO-SECRETS-IN-CODE", true);
    const service = rows.at(-1)!;
    const s = await prisma.service.findUniqueOrThrow({ where: { id: service.id } });
    await prisma.team.update({ where: { id: s.teamId }, data: { driftOpensFindings: false } });
    const findingsBefore = await prisma.finding.count({ where: { serviceId: service.id } });
    const digest = (text: string) => createHash("sha256").update(text).digest("hex");
    // The approved answer rests on a scanner observation of one line.
    const evidence = await prisma.evidence.create({
      data: {
        serviceId: service.id,
        itemId: "F04-TLS",
        status: "MET",
        summary: "verify-full",
        source: "twelvefold-scan 0.1.0",
        observations: [
          {
            file: "config/db.ts",
            line: 4,
            message: "postgres connection: sslmode=verify-full",
            digest: digest("url: 'postgres://db/app?sslmode=verify-full'"),
          },
        ],
      },
    });
    await prisma.response.updateMany({
      where: { assessmentId: service.assessment_id, itemId: "F04-TLS" },
      data: { status: "MET", suggestionId: evidence.id, suggestionOutcome: "ACCEPTED" },
    });
    const { submitEvidence } = await import("@/lib/data/evidence/submit-evidence");
    const answer = await submitEvidence(
      as.reviewer,
      {
        serviceSlug: service.slug,
        source: "twelvefold-scan 0.1.0",
        results: [
          {
            itemId: "F04-TLS",
            status: "met",
            summary: "TLS",
            observations: [{ file: "config/db.ts", line: 4, message: "postgres", digest: digest("url: process.env.DATABASE_URL") }],
          },
          {
            itemId: "F03-NO-SECRETS-IN-CODE",
            status: "not_met",
            summary: "A key",
            observations: [{ file: "deploy/key.pem", line: 1, message: "private key committed" }],
          },
        ],
      },
      context,
      NOW,
    );
    expect(answer.drifted).toEqual(
      expect.arrayContaining([
        { itemId: "F04-TLS", kind: "citation_changed" },
        { itemId: "F03-NO-SECRETS-IN-CODE", kind: "contradicted" },
      ]),
    );
    expect(await prisma.finding.count({ where: { serviceId: service.id } })).toBe(findingsBefore);
    const citation = await prisma.drift.findFirstOrThrow({ where: { serviceId: service.id, itemId: "F04-TLS", resolvedAt: null } });
    expect(citation).toMatchObject({ kind: "CITATION_CHANGED", file: "config/db.ts", line: 4 });
  });
});
