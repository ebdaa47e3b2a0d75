// The assessment report PDF: rendered from a demo assessment, its text holds
// every factor, item, justification, the approver and each attachment's hash;
// the export is recorded with the SHA-256 of its bytes; refusals are refused.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { keepFirstPages, pdfText } from "./pdf";
import { seededDemo } from "./principals";

// A blank page at this resolution is a few kilobytes; a page of text is tens.
const MIN_PAGE_IMAGE_BYTES = 20_000;
let prisma: PrismaClient;
let as: Record<string, Principal>;
const context = { origin: "https://twelvefold.example", ipAddress: "192.0.2.9", userAgent: "test" };

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_pdf",
    people: { auditor: "auditor@demo.test", reviewer: "reviewer@demo.test", identityReviewer: "ines.okafor@demo.test", lead: "lead@demo.test" },
  }));
  return () => prisma.$disconnect();
});

describe("the assessment report PDF", () => {
  it("holds every factor, item id, justification, the approver and each attachment's hash", { timeout: 120_000 }, async () => {
    const { exportAssessmentPdf } = await import("@/lib/data/exports/export-assessment-pdf");
    const assessment = await prisma.assessment.findFirstOrThrow({
      where: { service: { slug: "ledger-service" }, status: "COMPLETED" },
      orderBy: { approvedAt: "desc" },
      include: { approvedBy: true, responses: true, checklistVersion: true },
    });
    // A file on one answer, so the report has a hash to show.
    const evidence = Buffer.from("access review, 2026-10-01");
    const hash = createHash("sha256").update(evidence).digest("hex");
    const response = assessment.responses.find((r) => r.justification)!;
    await prisma.attachment.create({
      data: { responseId: response.id, fileName: "access-review.txt", contentType: "text/plain", sizeBytes: evidence.length, sha256: hash, content: evidence },
    });

    const file = await exportAssessmentPdf(as.auditor!, { assessmentId: assessment.id }, context);
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await pdfText(file.bytes);
    const has = (value: string) => text.includes(value.replace(/\s+/g, ""));
    const factors = assessment.checklistVersion.items as { number: number; name: string; items: { id: string }[] }[];
    for (const factor of factors) expect(has(`Factor ${factor.number}: ${factor.name}`), factor.name).toBe(true);
    for (const r of assessment.responses) {
      expect(has(r.itemId), r.itemId).toBe(true);
      if (r.justification) expect(has(r.justification), `${r.itemId} justification`).toBe(true);
    }
    expect(has(`Approver ${assessment.approvedBy!.name}`)).toBe(true);
    expect(has(hash)).toBe(true);
    expect(has("https://twelvefold.example/verify")).toBe(true);
    expect(
      has(`Page ${pages} of ${pages}`),
      `${pages} pages; ${text.split("Verifythisfileat").length - 1} footers; ${text.split("Exportedby").length - 1} headers; ${text.match(/Page.{0,12}/g)?.slice(-3)}`,
    ).toBe(true);
    // A cover, at least one page per factor, and the sign-off trail.
    expect(pages).toBeGreaterThanOrEqual(14);
    // Images of the cover and the summary, for a person to judge (test-results/pdf).
    const images = await keepFirstPages(file.bytes, "assessment-report");
    expect(images).toHaveLength(2);
    for (const size of images) expect(size, "a page image with content").toBeGreaterThan(MIN_PAGE_IMAGE_BYTES);

    const record = await prisma.export.findUniqueOrThrow({ where: { id: file.exportId } });
    expect([record.kind, record.sha256, record.sizeBytes, record.requestedById]).toEqual([
      "ASSESSMENT_PDF",
      file.sha256,
      file.bytes.byteLength,
      as.auditor!.userId,
    ]);
    expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(file.sha256);
    expect(await prisma.auditEvent.count({ where: { action: "export.assessment_pdf", targetId: file.exportId } })).toBe(1);
  });

  it("is refused to a reviewer (who may not export) and to another team (not found)", async () => {
    const { exportAssessmentPdf } = await import("@/lib/data/exports/export-assessment-pdf");
    const assessment = await prisma.assessment.findFirstOrThrow({ where: { service: { slug: "ledger-service" }, status: "COMPLETED" } });
    const before = await prisma.export.count();
    await expect(exportAssessmentPdf(as.reviewer!, { assessmentId: assessment.id }, context)).rejects.toThrow("forbidden");
    await expect(exportAssessmentPdf(as.identityReviewer!, { assessmentId: assessment.id }, context)).rejects.toThrow("not found");
    expect(await prisma.export.count()).toBe(before);
  });

  it("is laid out on the render thread, at most two at a time per person on all instances, and never lost", { timeout: 120_000 }, async () => {
    const { exportAssessmentPdf, MAX_PDF_RENDERS_PER_USER } = await import("@/lib/data/exports/export-assessment-pdf");
    const { BusyError } = await import("@/lib/data/errors");
    const assessment = await prisma.assessment.findFirstOrThrow({ where: { service: { slug: "ledger-service" }, status: "COMPLETED" } });
    // Two reports of the lead's already being made (on this or another instance): a third is refused, and says when to try again.
    const running = await Promise.all(
      Array.from({ length: MAX_PDF_RENDERS_PER_USER }, () =>
        prisma.export.create({ data: { kind: "ASSESSMENT_PDF", status: "RUNNING", requestedById: as.lead!.userId, assessmentId: assessment.id, progress: 0 } }),
      ),
    );
    const refused = await exportAssessmentPdf(as.lead!, { assessmentId: assessment.id }, context).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BusyError);
    expect((refused as InstanceType<typeof BusyError>).retryAfterSeconds).toBeGreaterThan(0);
    // One of them abandoned long ago (its process died): it no longer counts, and the report is made.
    await prisma.export.update({ where: { id: running[0]!.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    const file = await exportAssessmentPdf(as.lead!, { assessmentId: assessment.id }, context);
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.export.findUniqueOrThrow({ where: { id: file.exportId } })).toMatchObject({
      status: "DONE",
      kind: "ASSESSMENT_PDF",
      requestedById: as.lead!.userId,
    });
    // Each made on the render thread, several at once, all whole.
    const { lastRenderThreadId, rendersInProcess } = await import("@/lib/exports/render-pool");
    const { threadId } = await import("node:worker_threads");
    expect(lastRenderThreadId()).not.toBeNull();
    expect(lastRenderThreadId()).not.toBe(threadId);
    await prisma.export.updateMany({ where: { id: { in: running.map((r) => r.id) } }, data: { status: "FAILED" } });
    const together = Promise.all([
      exportAssessmentPdf(as.auditor!, { assessmentId: assessment.id }, context),
      exportAssessmentPdf(as.lead!, { assessmentId: assessment.id }, context),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const files = await together;
    for (const f of files) expect(f.bytes.subarray(-6).toString()).toContain("%%EOF");
    expect(rendersInProcess()).toBe(0);
  });
});

describe("verifying an export", () => {
  it("names an unaltered export to those who may read it, and calls anything else unknown", async () => {
    const { exportAssessmentPdf } = await import("@/lib/data/exports/export-assessment-pdf");
    const { verifyExport } = await import("@/lib/data/exports/verify-export");
    const assessment = await prisma.assessment.findFirstOrThrow({ where: { service: { slug: "ledger-service" }, status: "COMPLETED" } });
    const file = await exportAssessmentPdf(as.auditor!, { assessmentId: assessment.id }, context);
    expect(await verifyExport(as.reviewer!, file.sha256)).toMatchObject({
      status: "verified",
      exportId: file.exportId,
      exportedBy: "Avery Auditor <auditor@demo.test>",
    });

    const flipped = Buffer.from(file.bytes);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = flipped[middle]! ^ 0x01;
    expect(await verifyExport(as.reviewer!, createHash("sha256").update(flipped).digest("hex"))).toEqual({ status: "unknown" });
    // Another team's reader learns nothing about it.
    expect(await verifyExport(as.identityReviewer!, file.sha256)).toEqual({ status: "unknown" });
    expect(await verifyExport(as.reviewer!, "not a hash")).toEqual({ status: "unknown" });
  });
});

describe("CSV and JSON exports of an assessment and of findings", () => {
  it("hold every item and answer, and are recorded like any export", async () => {
    const { exportAssessmentData } = await import("@/lib/data/exports/export-assessment-data");
    const { exportFindingsJson } = await import("@/lib/data/findings/export-findings");
    const { parseFindingFilter } = await import("@/lib/findings/filter");
    const assessment = await prisma.assessment.findFirstOrThrow({
      where: { service: { slug: "ledger-service" }, status: "COMPLETED" },
      include: { responses: true },
    });
    const csv = await exportAssessmentData(as.auditor!, { assessmentId: assessment.id, format: "csv" }, context);
    const lines = csv.bytes.toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "assessment_id,service,checklist_version,factor,factor_name,item_id,title,severity,status,justification,notes,evidence_links,attachments,carried_over_unconfirmed,updated_by,updated_at,suggestion_outcome,suggestion_source,suggestion_decided_by,attested_by,attested_at,validation,validated_by,validated_at",
    );
    expect(lines).toHaveLength(assessment.responses.length + 1);
    const json = await exportAssessmentData(as.auditor!, { assessmentId: assessment.id, format: "json" }, context);
    const document = JSON.parse(json.bytes.toString("utf8")) as { items: { item_id: string; status: string; justification: string }[] };
    for (const r of assessment.responses) {
      expect(document.items.find((i) => i.item_id === r.itemId)).toMatchObject({ status: r.status.toLowerCase(), justification: r.justification });
    }
    const findings = await exportFindingsJson(as.auditor!, parseFindingFilter({ status: "all", service: "ledger-service" }), context);
    expect((JSON.parse(findings.bytes.toString("utf8")) as { findings: unknown[] }).findings).toHaveLength(
      await prisma.finding.count({ where: { service: { slug: "ledger-service" } } }),
    );
    for (const file of [csv, json, findings]) expect((await prisma.export.findUniqueOrThrow({ where: { id: file.exportId } })).sha256).toBe(file.sha256);
    await expect(exportAssessmentData(as.reviewer!, { assessmentId: assessment.id, format: "csv" }, context)).rejects.toThrow("forbidden");
  });
});
