// The assessment lifecycle in the data layer, against a real Postgres: start
// (carried over, one at a time), save (optimistic versions), submit, return,
// approve (findings and scores), and every refusal changing nothing.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import { allItems, latestChecklist } from "@/lib/checklist";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<string, Principal>;
const items = allItems(latestChecklist());
const data = async () => ({
  ...(await import("@/lib/data/assessments/start-assessment")),
  ...(await import("@/lib/data/assessments/save-response")),
  ...(await import("@/lib/data/assessments/sign-off")),
  ...(await import("@/lib/data/assessments/attachments")),
});
const serviceId = async (slug: string) => (await prisma.service.findFirstOrThrow({ where: { slug } })).id;
const blank = { justification: "", notes: "", evidenceLinks: [] as string[] };
/** Everything the database holds about an assessment, to prove a refusal changed nothing. */
const snapshotOf = async (assessmentId: string) =>
  JSON.stringify(
    await prisma.assessment.findUnique({
      where: { id: assessmentId },
      include: { responses: { orderBy: { itemId: "asc" }, include: { attachments: { select: { id: true } } } }, events: true },
    }),
  );

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_assessment_walk",
    poolSize: 4,
    people: {
      reviewer: "reviewer@demo.test",
      lead: "lead@demo.test",
      auditor: "auditor@demo.test",
      identityReviewer: "ines.okafor@demo.test",
      secondReviewer: "maya.chen@demo.test",
    },
  }));
  return () => prisma.$disconnect();
});

describe("starting an assessment", () => {
  it("pre-fills from the last completed one: what held is kept as confirmed, gaps are asked again", async () => {
    const { startAssessment } = await data();
    const ledger = await serviceId("ledger-service");
    const { id } = await startAssessment(as.reviewer!, { serviceId: ledger });
    const previous = await prisma.assessment.findFirstOrThrow({
      where: { serviceId: ledger, status: "COMPLETED" },
      orderBy: { approvedAt: "desc" },
      include: { responses: true },
    });
    const responses = await prisma.response.findMany({ where: { assessmentId: id } });
    expect(responses).toHaveLength(items.length);
    // What it inherits from its platforms is their answer (tests/integration/platforms.test.ts); the rest carries over.
    for (const response of responses.filter((r) => r.inheritedFromId === null)) {
      const before = previous.responses.find((r) => r.itemId === response.itemId)!;
      expect([response.status, response.justification, response.carriedOver, response.itemRevised]).toEqual([
        before.status,
        before.justification,
        before.status === "NOT_MET" || before.status === "PARTIALLY_MET",
        false,
      ]);
    }
    const started = await prisma.assessmentEvent.findFirstOrThrow({ where: { assessmentId: id } });
    expect([started.kind, started.actorLabel]).toEqual(["STARTED", "reviewer@demo.test"]);
  });

  it("starts blank for a service never assessed, but for what it inherits from its platforms", async () => {
    const { startAssessment } = await data();
    const { id } = await startAssessment(as.reviewer!, { serviceId: await serviceId("payout-scheduler") });
    const inherited = await prisma.response.count({ where: { assessmentId: id, inheritedFromId: { not: null }, validation: "AGREED" } });
    // Payout Scheduler runs on the demo's secret store and deploy pipeline (lib/demo/platform-seed.ts): five items.
    expect(inherited).toBe(5);
    expect(await prisma.response.count({ where: { assessmentId: id, status: "UNANSWERED", carriedOver: false } })).toBe(items.length - inherited);
  });

  it("allows one under way per service, even when two start at once", async () => {
    const { startAssessment } = await data();
    const service = await serviceId("fraud-scoring");
    const results = await Promise.allSettled([
      startAssessment(as.reviewer!, { serviceId: service }),
      startAssessment(as.secondReviewer!, { serviceId: service }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(String((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toContain("already has an assessment under way");
    expect(await prisma.assessment.count({ where: { serviceId: service, status: "DRAFT" } })).toBe(1);
  });

  it("is refused to auditors, and to other teams as not found", async () => {
    const { startAssessment } = await data();
    const invoice = await serviceId("invoice-renderer");
    await expect(startAssessment(as.auditor!, { serviceId: invoice })).rejects.toThrow("forbidden");
    await expect(startAssessment(as.identityReviewer!, { serviceId: invoice })).rejects.toThrow("not found");
    expect(await prisma.assessment.count({ where: { serviceId: invoice, status: "DRAFT" } })).toBe(0);
  });
});

describe("saving answers", () => {
  it("takes exactly one of 20 concurrent saves per version, and loses no acknowledged value", async () => {
    const { startAssessment, saveResponse } = await data();
    const { id } = await startAssessment(as.reviewer!, { serviceId: await serviceId("status-page") });
    const itemId = items[0]!.id;
    const acknowledged: { version: number; notes: string }[] = [];
    let version = 1;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          saveResponse(as.reviewer!, {
            assessmentId: id,
            itemId,
            baseVersion: version,
            values: { ...blank, status: "met", notes: `round ${round} writer ${i}` },
          }),
        ),
      );
      const saved = results.filter((r) => r.outcome === "saved");
      expect(saved).toHaveLength(1);
      expect(results.filter((r) => r.outcome === "conflict")).toHaveLength(19);
      acknowledged.push({ version: saved[0]!.answer.version, notes: saved[0]!.answer.notes });
      version = saved[0]!.answer.version;
      // A conflict shows the value that won, so the reviewer can choose.
      for (const conflict of results.filter((r) => r.outcome === "conflict")) {
        expect([version - 1, version]).toContain(conflict.answer.version);
      }
    }
    const stored = await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId: id, itemId } } });
    expect([stored.version, stored.notes]).toEqual([acknowledged.at(-1)!.version, acknowledged.at(-1)!.notes]);
    // Every acknowledged save is in the audit trail with its before and after.
    const trail = await prisma.auditEvent.findMany({ where: { action: "response.saved", targetId: `${id}/${itemId}` }, orderBy: { id: "asc" } });
    expect(trail.map((e) => (e.after as { notes: string }).notes)).toEqual(acknowledged.map((a) => a.notes));
  });

  it("refuses an unknown item, another team, and a stale version without changing anything", async () => {
    const { saveResponse } = await data();
    const draft = await prisma.assessment.findFirstOrThrow({ where: { service: { slug: "status-page" }, status: "DRAFT" } });
    const before = await snapshotOf(draft.id);
    const values = { ...blank, status: "not_met" as const };
    await expect(saveResponse(as.reviewer!, { assessmentId: draft.id, itemId: "F99-NOPE", baseVersion: 1, values })).rejects.toThrow("no item F99-NOPE");
    await expect(saveResponse(as.identityReviewer!, { assessmentId: draft.id, itemId: items[1]!.id, baseVersion: 1, values })).rejects.toThrow("not found");
    await expect(saveResponse(as.lead!, { assessmentId: draft.id, itemId: items[1]!.id, baseVersion: 1, values })).rejects.toThrow("forbidden");
    expect((await saveResponse(as.reviewer!, { assessmentId: draft.id, itemId: items[0]!.id, baseVersion: 1, values })).outcome).toBe("conflict");
    expect(await snapshotOf(draft.id)).toBe(before);
  });
});

describe("attachments", () => {
  it("stores a file with its hash, and refuses a disguised one", async () => {
    const { addAttachment } = await data();
    const draft = await prisma.assessment.findFirstOrThrow({ where: { service: { slug: "status-page" }, status: "DRAFT" } });
    const saved = await addAttachment(as.reviewer!, {
      assessmentId: draft.id,
      itemId: items[2]!.id,
      fileName: "scan.txt",
      bytes: new TextEncoder().encode("all clear"),
    });
    expect([saved.sha256, saved.contentType, saved.sizeBytes]).toEqual([createHash("sha256").update("all clear").digest("hex"), "text/plain", 9]);
    const before = await snapshotOf(draft.id);
    await expect(
      addAttachment(as.reviewer!, {
        assessmentId: draft.id,
        itemId: items[2]!.id,
        fileName: "report.pdf",
        bytes: new TextEncoder().encode("<script>x</script>"),
      }),
    ).rejects.toThrow("not a PDF");
    await expect(
      addAttachment(as.auditor!, { assessmentId: draft.id, itemId: items[2]!.id, fileName: "a.txt", bytes: new TextEncoder().encode("x") }),
    ).rejects.toThrow("forbidden");
    expect(await snapshotOf(draft.id)).toBe(before);
  });
});

describe("submitting, returning and approving", () => {
  it("runs the whole sign-off, with findings and scores following the answers", async () => {
    const { startAssessment, saveResponse, submitAssessment, returnAssessment, approveAssessment } = await data();
    const service = await serviceId("payout-scheduler");
    const draft = await prisma.assessment.findFirstOrThrow({ where: { serviceId: service, status: "DRAFT" } });
    // All but what it inherits from its platforms (already the platforms' validated answers).
    const unanswered = await prisma.response.count({ where: { assessmentId: draft.id, status: "UNANSWERED" } });
    expect(unanswered).toBeLessThan(items.length);
    await expect(submitAssessment(as.reviewer!, { assessmentId: draft.id })).rejects.toThrow(`${unanswered} items are not ready`);

    // Every item met, except the first two: not met, and partially met without a justification yet.
    const answer = (index: number) => (index === 0 ? "not_met" : index === 1 ? "partially_met" : "met");
    for (const [index, item] of items.entries()) {
      await saveResponse(as.reviewer!, { assessmentId: draft.id, itemId: item.id, baseVersion: 1, values: { ...blank, status: answer(index) } });
    }
    await expect(submitAssessment(as.reviewer!, { assessmentId: draft.id })).rejects.toThrow(`1 item is not ready: ${items[1]!.id} (justification missing)`);
    await saveResponse(as.reviewer!, {
      assessmentId: draft.id,
      itemId: items[1]!.id,
      baseVersion: 2,
      values: { ...blank, status: "partially_met", justification: "Only in production." },
    });
    await expect(approveAssessment(as.lead!, { assessmentId: draft.id })).rejects.toThrow("Only a submitted assessment");
    await submitAssessment(as.reviewer!, { assessmentId: draft.id });
    await expect(
      saveResponse(as.reviewer!, { assessmentId: draft.id, itemId: items[0]!.id, baseVersion: 2, values: { ...blank, status: "met" } }),
    ).rejects.toThrow("submitted for review");
    await expect(approveAssessment(as.reviewer!, { assessmentId: draft.id })).rejects.toThrow("forbidden");

    await expect(returnAssessment(as.lead!, { assessmentId: draft.id, comment: "Check staging too.", itemIds: ["F99-NOPE"] })).rejects.toThrow(
      "Not items of this assessment",
    );
    await returnAssessment(as.lead!, { assessmentId: draft.id, comment: "Check staging too.", itemIds: [items[1]!.id] });
    const comment = await prisma.comment.findFirstOrThrow({ where: { response: { assessmentId: draft.id, itemId: items[1]!.id } } });
    expect(comment.body).toBe("Check staging too.");
    await saveResponse(as.reviewer!, {
      assessmentId: draft.id,
      itemId: items[1]!.id,
      baseVersion: 3,
      values: { ...blank, status: "partially_met", justification: "Production and staging; not dev." },
    });
    await submitAssessment(as.reviewer!, { assessmentId: draft.id });
    const { overall } = await approveAssessment(as.lead!, { assessmentId: draft.id });

    const completed = await prisma.assessment.findUniqueOrThrow({ where: { id: draft.id }, include: { events: { orderBy: { occurredAt: "asc" } } } });
    expect(completed.status).toBe("COMPLETED");
    expect(completed.events.map((e) => e.kind)).toEqual(["STARTED", "SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED"]);
    expect(overall).toBeGreaterThan(90);
    expect(overall).toBeLessThan(100);
    const after = await prisma.service.findUniqueOrThrow({ where: { id: service } });
    expect(after.latestScore).toBe(overall);
    // The team's trend row for the day of approval was written in the approval's transaction, from the current state.
    const today = new Date(completed.approvedAt!.toISOString().slice(0, 10));
    const posture = await prisma.teamPosture.findUniqueOrThrow({ where: { teamId_day: { teamId: after.teamId, day: today } } });
    const assessedNow = await prisma.service.count({ where: { teamId: after.teamId, latestScore: { not: null }, archivedAt: null } });
    const unresolvedNow = await prisma.finding.count({ where: { service: { teamId: after.teamId }, status: { not: "RESOLVED" } } });
    expect([posture.assessed, posture.unresolvedCritical + posture.unresolvedHigh + posture.unresolvedMedium + posture.unresolvedLow]).toEqual([
      assessedNow,
      unresolvedNow,
    ]);
    const findings = await prisma.finding.findMany({ where: { serviceId: service }, include: { events: true } });
    expect(findings.map((f) => [f.itemId, f.status, f.severity.toLowerCase(), f.events.map((e) => e.kind)]).sort()).toEqual(
      [
        [items[0]!.id, "OPEN", items[0]!.severity, ["OPENED"]],
        [items[1]!.id, "OPEN", items[1]!.severity, ["OPENED"]],
      ].sort(),
    );
    await expect(approveAssessment(as.lead!, { assessmentId: draft.id })).rejects.toThrow("Only a submitted assessment");
    // Completed is final: no answer, file or state changes any more.
    const frozen = await snapshotOf(draft.id);
    await expect(
      saveResponse(as.reviewer!, { assessmentId: draft.id, itemId: items[0]!.id, baseVersion: 2, values: { ...blank, status: "met" } }),
    ).rejects.toThrow("completed and can no longer change");
    const { addAttachment } = await data();
    await expect(
      addAttachment(as.reviewer!, { assessmentId: draft.id, itemId: items[0]!.id, fileName: "late.txt", bytes: new TextEncoder().encode("late") }),
    ).rejects.toThrow("only while the assessment is a draft");
    await expect(returnAssessment(as.lead!, { assessmentId: draft.id, comment: "Reopen it.", itemIds: [] })).rejects.toThrow("Only a submitted assessment");
    expect(await snapshotOf(draft.id)).toBe(frozen);

    // The next assessment meets the first item: its finding is resolved by it, never duplicated.
    const next = await startAssessment(as.reviewer!, { serviceId: service });
    const carried = await prisma.response.findMany({ where: { assessmentId: next.id } });
    for (const response of carried) {
      const status = response.itemId === items[0]!.id ? "met" : response.status.toLowerCase();
      await saveResponse(as.reviewer!, {
        assessmentId: next.id,
        itemId: response.itemId,
        baseVersion: response.version,
        values: { status: status as "met", justification: response.justification, notes: "", evidenceLinks: [] },
      });
    }
    await submitAssessment(as.reviewer!, { assessmentId: next.id });
    await approveAssessment(as.lead!, { assessmentId: next.id });
    const first = await prisma.finding.findMany({
      where: { serviceId: service, itemId: items[0]!.id },
      include: { events: { orderBy: { occurredAt: "asc" } } },
    });
    expect(first).toHaveLength(1);
    expect([first[0]!.status, first[0]!.resolvedByAssessmentId, first[0]!.events.map((e) => e.kind)]).toEqual(["RESOLVED", next.id, ["OPENED", "RESOLVED"]]);
    const second = await prisma.finding.findFirstOrThrow({ where: { serviceId: service, itemId: items[1]!.id }, include: { events: true } });
    expect(second.events.map((e) => e.kind).sort()).toEqual(["OPENED", "RECONFIRMED"]);
  });
});

describe("a finding's severity", () => {
  it("is changed by a lead with a reason, moving the due date and keeping the history", async () => {
    const { changeFindingSeverity } = await import("@/lib/data/findings/manage-finding");
    const finding = await prisma.finding.findFirstOrThrow({ where: { service: { slug: "payout-scheduler" }, status: "OPEN" } });
    const before = JSON.stringify(finding);
    await expect(changeFindingSeverity(as.reviewer!, { findingId: finding.id, severity: "critical", reason: "Exposed to the internet." })).rejects.toThrow(
      "forbidden",
    );
    await expect(
      changeFindingSeverity(as.identityReviewer!, { findingId: finding.id, severity: "critical", reason: "Exposed to the internet." }),
    ).rejects.toThrow("not found");
    await expect(
      changeFindingSeverity(as.lead!, { findingId: finding.id, severity: finding.severity.toLowerCase() as "high", reason: "Same again." }),
    ).rejects.toThrow("already");
    expect(JSON.stringify(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } }))).toBe(before);

    await changeFindingSeverity(as.lead!, { findingId: finding.id, severity: "critical", reason: "Exposed to the internet." });
    const after = await prisma.finding.findUniqueOrThrow({ where: { id: finding.id }, include: { events: { where: { kind: "SEVERITY_CHANGED" } } } });
    expect(after.severity).toBe("CRITICAL");
    expect(after.dueDate!.getTime() - after.openedAt.getTime()).toBe(7 * 86_400_000);
    expect(after.events[0]!.detail).toEqual({ from: finding.severity.toLowerCase(), to: "critical", reason: "Exposed to the internet." });
  });
});
