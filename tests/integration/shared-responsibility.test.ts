// Shared responsibility in the data layer, against a real Postgres: a service
// owner attests, security validates (each, or by a drawn sample) and sends back,
// sign-off waits for it, exports say who attested and who validated, and a
// re-assessment asks only what changed. Every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { allItems, latestChecklist } from "@/lib/checklist";
import { assignItems } from "@/lib/data/assessments/assign-items";
import { drawValidationSample } from "@/lib/data/assessments/draw-sample";
import { getAssessment } from "@/lib/data/assessments/get-assessment";
import { saveResponse } from "@/lib/data/assessments/save-response";
import { approveAssessment, submitAssessment } from "@/lib/data/assessments/sign-off";
import { startAssessment } from "@/lib/data/assessments/start-assessment";
import { validateResponse } from "@/lib/data/assessments/validate-response";
import { exportAssessmentData } from "@/lib/data/exports/export-assessment-data";
import { listMyTasks } from "@/lib/data/work/list-my-tasks";
import { ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { seededDemo } from "./principals";
import { addAttachment } from "@/lib/data/assessments/attachments";
import { listStaleEvidence } from "@/lib/data/services/stale-evidence";
import { runDailyScan } from "@/lib/notify/scan";

const NOW = new Date("2026-06-15T09:00:00Z");
const context = { ipAddress: null, userAgent: "test" };
const items = allItems(latestChecklist());
const factorItems = (n: number) => items.filter((i) => i.factor === n).map((i) => i.id);
let prisma: PrismaClient;
let as: Record<"reviewer" | "maya" | "lead" | "owner" | "ines", Principal>;

beforeAll(async () => {
  process.env.AUDIT_KEY = "shared-responsibility-audit-key-0123456789";
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_shared_responsibility",
    now: NOW,
    people: { reviewer: "reviewer@demo.test", maya: "maya.chen@demo.test", lead: "lead@demo.test", owner: "owner@demo.test", ines: "ines.okafor@demo.test" },
  }));
}, 180_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

const serviceId = async (slug: string) => (await prisma.service.findFirstOrThrow({ where: { slug } })).id;
const versionOf = async (assessmentId: string, itemId: string) =>
  (await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId, itemId } } })).version;
const snapshotOf = async (assessmentId: string) =>
  JSON.stringify(await prisma.assessment.findUnique({ where: { id: assessmentId }, include: { responses: { orderBy: { itemId: "asc" } } } }));
const met = { status: "met" as const, justification: "Checked on the cluster.", notes: "", evidenceLinks: [] as string[] };

/** The owner answers an item as it stands now. */
async function attest(assessmentId: string, itemId: string, values = met) {
  return saveResponse(as.owner, { assessmentId, itemId, baseVersion: await versionOf(assessmentId, itemId), values }, NOW);
}

/** Every item but the given ones answered by security directly, so only those matter. */
async function othersAnsweredBySecurity(assessmentId: string, except: string[]) {
  await prisma.response.updateMany({
    where: { assessmentId, itemId: { notIn: except } },
    data: { status: "MET", carriedOver: false, validation: "AGREED", validatedById: as.reviewer.userId, attestedById: as.reviewer.userId },
  });
}

describe("an owner attests, security validates", () => {
  let id = "";
  const mine = factorItems(1);

  it("lets a reviewer assign a factor to an owner, who sees it in their tasks and is told once", async () => {
    ({ id } = await startAssessment(as.reviewer, { serviceId: await serviceId("invoice-renderer") }));
    await expect(assignItems(as.reviewer, { assessmentId: id, factor: 1, assigneeId: as.lead.userId }, NOW)).rejects.toThrow(
      "Assign to someone in this service's team who may answer",
    );
    await expect(assignItems(as.owner, { assessmentId: id, factor: 1, assigneeId: as.owner.userId }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    // Factor 1's answers asked again (so there is something to do), then assigned.
    await prisma.response.updateMany({
      where: { assessmentId: id, itemId: { in: mine } },
      data: { status: "UNANSWERED", carriedOver: false, validation: null },
    });
    expect(await assignItems(as.reviewer, { assessmentId: id, factor: 1, assigneeId: as.owner.userId }, NOW)).toEqual({ assigned: [...mine].sort() });
    const tasks = await listMyTasks(as.owner, NOW);
    expect(tasks.answer?.filter((t) => t.assessmentId === id)).toEqual([expect.objectContaining({ factor: 1, toAnswer: mine.length, sentBack: 0 })]);
    expect(tasks.validate, "an owner validates nothing").toBeNull();
    const told = await prisma.notificationEvent.findMany({ where: { kind: "answers.assigned", subjectId: id } });
    expect(told.map((e) => e.userIds)).toEqual([[as.owner.userId]]);
  });

  it("records an owner's answer as attested by them and waiting for validation", async () => {
    for (const itemId of mine) expect((await attest(id, itemId)).outcome).toBe("saved");
    const row = await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId: id, itemId: mine[0]! } } });
    expect([row.attestedById, row.validation, row.validatedById]).toEqual([as.owner.userId, null, null]);
    const view = await getAssessment(as.reviewer, id);
    expect(view.responses[mine[0]!]).toMatchObject({ validationGap: "awaiting validation", mayValidate: true, attestedBy: "Olive Owner" });
    expect((await listMyTasks(as.reviewer, NOW)).validate).toEqual(
      expect.arrayContaining([expect.objectContaining({ assessmentId: id, waiting: mine.length })]),
    );
  });

  it("refuses the owner every step that is security's or the lead's, and another team's items; nothing changes", async () => {
    const before = await snapshotOf(id);
    const version = await versionOf(id, mine[0]!);
    await expect(validateResponse(as.owner, { assessmentId: id, itemId: mine[0]!, version, decision: "agree" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(drawValidationSample(as.owner, { assessmentId: id, rule: { severities: [], percent: 10, minimum: 0 } }, NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(submitAssessment(as.owner, { assessmentId: id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startAssessment(as.owner, { serviceId: await serviceId("payout-scheduler") })).rejects.toBeInstanceOf(ForbiddenError);
    const identity = await startAssessment(as.ines, { serviceId: await serviceId("mfa-gateway") });
    await expect(
      saveResponse(as.owner, { assessmentId: identity.id, itemId: items[0]!.id, baseVersion: 1, values: met }, NOW),
      "another team's assessment does not exist for them",
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotOf(id)).toBe(before);
  });

  it("validates, or sends back with a comment the owner is told of; a reviewer cannot validate their own answer or a stale one", async () => {
    await othersAnsweredBySecurity(id, mine);
    const [back, ...rest] = mine;
    const stale = (await versionOf(id, rest[0]!)) - 1;
    await expect(validateResponse(as.reviewer, { assessmentId: id, itemId: rest[0]!, version: stale, decision: "agree" }, NOW)).rejects.toThrow(
      "changed since you opened it",
    );
    for (const itemId of rest) await validateResponse(as.reviewer, { assessmentId: id, itemId, version: await versionOf(id, itemId), decision: "agree" }, NOW);
    await validateResponse(
      as.reviewer,
      { assessmentId: id, itemId: back!, version: await versionOf(id, back!), decision: "send_back", comment: "Link the dashboard that shows it." },
      NOW,
    );
    await expect(
      validateResponse(as.maya, { assessmentId: id, itemId: back!, version: await versionOf(id, back!), decision: "agree" }, NOW),
      "a sent-back answer waits for its owner",
    ).rejects.toThrow("waits for its owner");
    const told = await prisma.notificationEvent.findMany({ where: { kind: "answer.sent_back", subjectId: id } });
    expect(told.map((e) => [e.userIds, e.summary])).toEqual([[[as.owner.userId], "Link the dashboard that shows it."]]);
    expect((await listMyTasks(as.owner, NOW)).answer?.filter((t) => t.assessmentId === id)).toEqual([
      expect.objectContaining({ factor: 1, toAnswer: 0, sentBack: 1 }),
    ]);

    // Security's own answer is validated as it is saved: nothing to validate, and refused if asked.
    const own = items.find((i) => i.factor === 2)!.id;
    await saveResponse(as.reviewer, { assessmentId: id, itemId: own, baseVersion: await versionOf(id, own), values: met }, NOW);
    await expect(validateResponse(as.reviewer, { assessmentId: id, itemId: own, version: await versionOf(id, own), decision: "agree" }, NOW)).rejects.toThrow(
      "You gave this answer",
    );
  });

  it("holds sign-off while an answer is sent back, and lets it through once the owner answers and security agrees", async () => {
    const back = mine[0]!;
    await expect(submitAssessment(as.reviewer, { assessmentId: id })).rejects.toThrow(`1 answer waits for security: ${back} (sent back to its owner)`);
    await attest(id, back, { ...met, evidenceLinks: ["https://grafana.example/d/renderer"] });
    await expect(submitAssessment(as.reviewer, { assessmentId: id })).rejects.toThrow(`1 answer waits for security: ${back} (awaiting validation)`);
    await validateResponse(as.maya, { assessmentId: id, itemId: back, version: await versionOf(id, back), decision: "agree" }, NOW);
    await submitAssessment(as.reviewer, { assessmentId: id });
    await approveAssessment(as.lead, { assessmentId: id });
    const view = await getAssessment(as.lead, id);
    expect(view.responses[back]!.attestation).toBe("Attested by Olive Owner on 2026-06-15; validated by Maya Chen on 2026-06-15.");
    expect(view.responses[mine[1]!]!.attestation).toBe("Attested by Olive Owner on 2026-06-15; validated by Riley Reviewer on 2026-06-15.");
    const json = JSON.parse((await exportAssessmentData(as.lead, { assessmentId: id, format: "json" }, context, NOW)).bytes.toString("utf8"));
    const item = json.items.find((i: { item_id: string }) => i.item_id === back);
    expect(item.attestation).toMatchObject({ attested_by: "Olive Owner", validation: "agreed", validated_by: "Maya Chen" });
    const csv = (await exportAssessmentData(as.lead, { assessmentId: id, format: "csv" }, context, NOW)).bytes.toString("utf8");
    expect(csv.split("\r\n")[0]).toContain("attested_by,attested_at,validation,validated_by,validated_at");
    expect(csv).toContain(`${back},`);
  });
});

describe("validation by a drawn sample", () => {
  let id = "";
  const mine = factorItems(4);

  it("refuses a rule asking for more answers than wait, and changes nothing", async () => {
    ({ id } = await startAssessment(as.reviewer, { serviceId: await serviceId("fraud-scoring") }));
    await othersAnsweredBySecurity(id, mine);
    await prisma.response.updateMany({
      where: { assessmentId: id, itemId: { in: mine } },
      data: { status: "UNANSWERED", carriedOver: false, validation: null },
    });
    for (const itemId of mine) await attest(id, itemId);
    const before = await snapshotOf(id);
    await expect(drawValidationSample(as.reviewer, { assessmentId: id, rule: { severities: [], percent: 10, minimum: mine.length + 1 } }, NOW)).rejects.toThrow(
      `The rule asks for at least ${mine.length + 1} answers, but only ${mine.length} wait for validation.`,
    );
    expect(await snapshotOf(id)).toBe(before);
  });

  it("draws once, records the rule and the items, and sign-off needs only the drawn answers validated", async () => {
    const rule = { severities: ["critical" as const], percent: 0, minimum: 2 };
    const { drawn, candidates } = await drawValidationSample(as.reviewer, { assessmentId: id, rule }, NOW);
    expect(candidates).toBe(mine.length);
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    const critical = items.filter((i) => i.factor === 4 && i.severity === "critical").map((i) => i.id);
    expect(drawn).toEqual(expect.arrayContaining(critical));
    await expect(drawValidationSample(as.reviewer, { assessmentId: id, rule }, NOW)).rejects.toThrow("it stands for this assessment");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "assessment.sample_drawn", targetId: id } });
    expect(audit.after).toMatchObject({ drawn, candidates: mine.length, minimum: 2 });

    await expect(submitAssessment(as.reviewer, { assessmentId: id })).rejects.toThrow(`${drawn.length} answer`);
    for (const itemId of drawn) await validateResponse(as.reviewer, { assessmentId: id, itemId, version: await versionOf(id, itemId), decision: "agree" }, NOW);
    // An answer attested after the draw is not covered by it.
    const later = mine.find((i) => !drawn.includes(i))!;
    await saveResponse(as.owner, { assessmentId: id, itemId: later, baseVersion: await versionOf(id, later), values: met }, new Date(NOW.getTime() + 60_000));
    await expect(submitAssessment(as.reviewer, { assessmentId: id })).rejects.toThrow(`1 answer waits for security: ${later}`);
    await validateResponse(as.reviewer, { assessmentId: id, itemId: later, version: await versionOf(id, later), decision: "agree" }, NOW);
    await submitAssessment(as.reviewer, { assessmentId: id });
    await approveAssessment(as.lead, { assessmentId: id });
    const view = await getAssessment(as.lead, id);
    const outside = mine.filter((i) => !drawn.includes(i) && i !== later);
    for (const itemId of outside) expect(view.responses[itemId]!.attestation).toContain("accepted outside the validation sample");
    expect(view.sample).toMatchObject({ itemIds: drawn, drawnBy: "Riley Reviewer" });
  });
});

describe("a re-assessment asks only what changed", () => {
  it("keeps answers that held as confirmed and validated, and asks again gaps and what a newer machine suggestion contradicts", async () => {
    const service = await serviceId("ledger-service");
    const previous = await prisma.assessment.findFirstOrThrow({
      where: { serviceId: service, status: "COMPLETED" },
      orderBy: { approvedAt: "desc" },
      include: { responses: true },
    });
    const heldItem = previous.responses.find((r) => r.status === "MET" && r.itemId.startsWith("F01-"))!;
    await prisma.evidence.create({
      data: { serviceId: service, itemId: heldItem.itemId, status: "NOT_MET", summary: "The scanner sees it broken now.", source: "test", submittedAt: NOW },
    });
    const { id } = await startAssessment(as.reviewer, { serviceId: service });
    const responses = await prisma.response.findMany({ where: { assessmentId: id } });
    // What Ledger Service inherits from its platforms is the platforms' answer (tests/integration/platforms.test.ts); the rest is its own.
    const own = responses.filter((r) => r.inheritedFromId === null);
    expect(own.length).toBeLessThan(responses.length);
    for (const r of own) {
      const before = previous.responses.find((p) => p.itemId === r.itemId)!;
      const gap = before.status === "NOT_MET" || before.status === "PARTIALLY_MET";
      const asked = gap || r.itemId === heldItem.itemId;
      expect([r.itemId, r.status, r.carriedOver, r.carriedFromId]).toEqual([r.itemId, before.status, asked, previous.id]);
      if (asked) expect([r.recheckReason, r.validation, r.attestedById]).toEqual([expect.any(String), null, null]);
      else expect([r.recheckReason, r.validation, r.validatedById]).toEqual([null, before.validation, before.validatedById]);
    }
    expect(responses.find((r) => r.itemId === heldItem.itemId)!.recheckReason).toBe("A machine suggestion since the last review says not met.");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "assessment.started", targetId: id } });
    const asked = responses.filter((r) => r.carriedOver).length;
    expect(audit.after).toMatchObject({ askedAgain: asked, inherited: responses.length - own.length });
    expect(asked).toBeLessThan(responses.length);
  });
});

describe("evidence that expires", () => {
  it("refuses evidence true in the future or ending before it was true, and dates it by the item's period otherwise", async () => {
    const { id } = await startAssessment(as.reviewer, { serviceId: await serviceId("payout-scheduler") }).catch(async () => ({
      id: (await prisma.assessment.findFirstOrThrow({ where: { service: { slug: "payout-scheduler" }, status: "DRAFT" } })).id,
    }));
    const file = { assessmentId: id, itemId: "F01-ACCESS-REVIEW", fileName: "review.txt", bytes: new TextEncoder().encode("reviewed") };
    const before = await snapshotOf(id);
    await expect(addAttachment(as.owner, { ...file, effectiveOn: "2026-06-16" }, NOW)).rejects.toThrow("Evidence cannot be true as of a day still to come.");
    await expect(addAttachment(as.owner, { ...file, effectiveOn: "2026-06-01", validUntil: "2026-05-31" }, NOW)).rejects.toThrow(
      "Evidence cannot stop standing before the day it was true.",
    );
    expect(await snapshotOf(id)).toBe(before);
    const saved = await addAttachment(as.owner, file, NOW);
    expect([saved.effectiveOn.toISOString().slice(0, 10), saved.validUntil?.toISOString().slice(0, 10)]).toEqual(["2026-06-15", "2026-09-13"]);
  });

  it("counts the demo's run-out access review as stale, asks its owners and leads once, and asks the answer again at the next review", async () => {
    const stale = await listStaleEvidence(as.lead, NOW);
    const checkout = await serviceId("checkout-api");
    expect(stale.filter((s) => s.serviceId === checkout).map((s) => s.itemId)).toEqual(["F01-ACCESS-REVIEW"]);
    expect(await listStaleEvidence(as.ines, NOW), "another team's evidence is not theirs to see").toEqual([]);
    await runDailyScan(NOW);
    await runDailyScan(NOW);
    const events = await prisma.notificationEvent.findMany({ where: { kind: "evidence.expired", subjectId: checkout } });
    expect(events).toHaveLength(1);
    expect(events[0]!.userIds).toEqual([as.owner.userId]);

    await prisma.assessment.deleteMany({ where: { serviceId: checkout, status: { in: ["DRAFT", "IN_REVIEW"] } } });
    const { id } = await startAssessment(as.reviewer, { serviceId: checkout });
    const review = await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId: id, itemId: "F01-ACCESS-REVIEW" } } });
    expect([review.carriedOver, review.recheckReason]).toEqual([true, expect.stringMatching(/^Its evidence stopped standing after \d{4}-\d{2}-\d{2}/)]);
  });
});
