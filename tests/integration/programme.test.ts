// Running the programme: review cadence by tier, the daily scan (each reminder
// raised once), campaigns that follow their targets' approvals and close
// themselves, and four-eyes risk acceptance. The clock is injected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { approveAssessment, submitAssessment } from "@/lib/data/assessments/sign-off";
import { startAssessment } from "@/lib/data/assessments/start-assessment";
import { closeDueCampaigns } from "@/lib/data/campaigns/lifecycle";
import { launchCampaign } from "@/lib/data/campaigns/launch";
import { getCampaign } from "@/lib/data/campaigns/read";
import { acceptRisk } from "@/lib/data/findings/manage-finding";
import { decideRiskRequest } from "@/lib/data/findings/risk-requests";
import { getProgrammeSettings, updateProgrammeSettings } from "@/lib/data/programme/settings";
import { listAssessmentGaps } from "@/lib/data/reports/list-assessment-gaps";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/data/errors";
import { runDailyScan } from "@/lib/notify/scan";
import { seededDemo } from "./principals";

const NOW = new Date("2026-06-15T09:00:00Z");
const DAY = 86_400_000;
const context = { ipAddress: null, userAgent: "test" };
let prisma: PrismaClient;
let as: Record<"reviewer" | "lead" | "noor" | "admin" | "tomas", Principal>;

beforeAll(async () => {
  process.env.AUDIT_KEY = "programme-test-audit-key-0123456789abcdef";
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_programme",
    now: NOW,
    people: { reviewer: "reviewer@demo.test", lead: "lead@demo.test", noor: "noor.patel@demo.test", admin: "admin@demo.test", tomas: "tomas.reyes@demo.test" },
  }));
}, 180_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

/** A reviewer answers every item of the service's assessment under way (starting one if need be) and submits; returns its id. */
async function walkedAndSubmitted(slug: string): Promise<string> {
  const service = await prisma.service.findFirstOrThrow({ where: { slug } });
  const underway = await prisma.assessment.findFirst({ where: { serviceId: service.id, status: "DRAFT" } });
  const id = underway?.id ?? (await startAssessment(as.reviewer, { serviceId: service.id })).id;
  await prisma.response.updateMany({
    where: { assessmentId: id },
    data: { status: "MET", justification: "Walked in the programme test.", carriedOver: false, validation: "AGREED" },
  });
  await submitAssessment(as.reviewer, { assessmentId: id });
  return id;
}

describe("review cadence by tier", () => {
  it("dates each service's review by its tier, and an admin's change is audited", async () => {
    expect((await getProgrammeSettings()).intervals).toEqual({ critical: 90, high: 180, medium: 365, low: 365 });
    const before = await listAssessmentGaps(as.admin, NOW);
    expect(
      await updateProgrammeSettings(as.admin, { intervals: { critical: 30, high: 180, medium: 365, low: 365 }, fourEyes: ["critical", "high"] }, context),
    ).toBe(true);
    expect(
      await updateProgrammeSettings(as.admin, { intervals: { critical: 30, high: 180, medium: 365, low: 365 }, fourEyes: ["high", "critical"] }, context),
    ).toBe(false);
    const after = await listAssessmentGaps(as.admin, NOW);
    // A shorter interval for critical services can only bring reviews due sooner.
    expect(after.counts.overdue).toBeGreaterThanOrEqual(before.counts.overdue);
    for (const s of after.services.filter((x) => x.tier === "critical" && x.dueOn)) {
      const service = await prisma.service.findFirstOrThrow({ where: { slug: s.slug } });
      expect(s.dueOn!.getTime()).toBe(service.lastAssessedAt!.getTime() + 30 * DAY);
    }
    expect(await prisma.auditEvent.count({ where: { action: "programme.settings_changed" } })).toBe(1);
    await expect(updateProgrammeSettings(as.lead, { intervals: { critical: 1, high: 1, medium: 1, low: 1 }, fourEyes: [] }, context)).rejects.toThrow();
  });

  it("raises each reminder once however often the daily scan runs", async () => {
    const first = await runDailyScan(NOW);
    expect(first.raised).toBeGreaterThan(0);
    expect(first.fanout.events).toBeGreaterThanOrEqual(first.raised);
    const again = await runDailyScan(new Date(NOW.getTime() + 3_600_000));
    expect(again.raised).toBe(0);
    const overdue = await prisma.notificationEvent.findMany({ where: { kind: "finding.overdue" }, select: { subjectId: true } });
    expect(new Set(overdue.map((e) => e.subjectId)).size).toBe(overdue.length);
  });
});

describe("a campaign", () => {
  it("is launched by a lead over their own teams only, with a deadline to come", async () => {
    const identity = await prisma.team.findUniqueOrThrow({ where: { slug: "identity" } });
    const version = await prisma.checklistVersion.findFirstOrThrow();
    const base = { name: "Not mine", tiers: [], checklistVersionId: version.id, deadline: new Date(NOW.getTime() + 30 * DAY) };
    await expect(launchCampaign(as.lead, { ...base, teamIds: [identity.id] }, context, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(launchCampaign(as.reviewer, { ...base, teamIds: [] }, context, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(launchCampaign(as.lead, { ...base, teamIds: [], deadline: new Date(NOW.getTime() - DAY) }, context, NOW)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("shows progress as its services are approved and closes itself when the last one is", async () => {
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const version = await prisma.checklistVersion.findFirstOrThrow();
    const { id, targets } = await launchCampaign(
      as.lead,
      { name: "Payments critical", teamIds: [payments.id], tiers: ["critical"], checklistVersionId: version.id, deadline: new Date(NOW.getTime() + 30 * DAY) },
      context,
      NOW,
    );
    const critical = await prisma.service.findMany({ where: { teamId: payments.id, criticality: "CRITICAL", archivedAt: null }, orderBy: { name: "asc" } });
    expect(targets).toBe(critical.length);
    expect(critical.length).toBeGreaterThanOrEqual(2);
    // Payments' reviewers and leads are told (the lead who launched it is not).
    const launched = await prisma.notificationEvent.findFirstOrThrow({ where: { key: `campaign.launched:${id}:${payments.id}` } });
    expect(launched.actorId).toBe(as.lead.userId);

    for (const [index, service] of critical.entries()) {
      const assessmentId = await walkedAndSubmitted(service.slug);
      await approveAssessment(as.lead, { assessmentId });
      const campaign = await getCampaign(as.reviewer, id);
      expect(campaign.targets.filter((t) => t.approvedAt).length).toBe(index + 1);
      expect(campaign.open).toBe(index + 1 < critical.length);
    }
    const closed = await getCampaign(as.lead, id);
    expect(closed).toMatchObject({ open: false, closedReason: "completed" });
    expect(await prisma.notificationEvent.count({ where: { key: `campaign.closed:${id}:${payments.id}` } })).toBe(1);
    // Out of scope: Identity's lead sees no Payments campaign.
    await expect(getCampaign(as.tomas, id)).rejects.toThrow();
  });

  it("closes at its deadline with what was missed", async () => {
    const version = await prisma.checklistVersion.findFirstOrThrow();
    const { id } = await launchCampaign(
      as.admin,
      { name: "Everything low", teamIds: [], tiers: ["low"], checklistVersionId: version.id, deadline: new Date(NOW.getTime() + DAY) },
      context,
      NOW,
    );
    expect(await closeDueCampaigns(NOW)).toBe(0);
    expect(await closeDueCampaigns(new Date(NOW.getTime() + 2 * DAY))).toBe(1);
    const campaign = await getCampaign(as.admin, id);
    expect(campaign).toMatchObject({ open: false, closedReason: "deadline" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "campaign.closed", targetId: id } });
    expect((audit.after as { missed: string[] }).missed.length).toBe(campaign.targets.length);
  });
});

describe("four-eyes risk acceptance", () => {
  it("makes a lead's acceptance of a high finding a request that only a second lead decides", async () => {
    const finding = await prisma.finding.findFirstOrThrow({
      where: { status: "OPEN", severity: "HIGH", service: { team: { slug: "payments" } }, riskRequests: { none: {} } },
    });
    const expiresOn = new Date(NOW.getTime() + 30 * DAY).toISOString().slice(0, 10);
    expect(await acceptRisk(as.lead, { findingId: finding.id, reason: "Compensating control in place.", expiresOn }, NOW)).toBe("requested");
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe("OPEN");
    await expect(acceptRisk(as.lead, { findingId: finding.id, reason: "Again.", expiresOn }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(decideRiskRequest(as.lead, { findingId: finding.id, decision: "approve", note: "" }, NOW)).rejects.toThrow(/second lead/);
    await expect(decideRiskRequest(as.reviewer, { findingId: finding.id, decision: "approve", note: "" }, NOW)).rejects.toThrow();
    await decideRiskRequest(as.noor, { findingId: finding.id, decision: "approve", note: "Agreed until the rewrite." }, NOW);
    const accepted = await prisma.finding.findUniqueOrThrow({ where: { id: finding.id }, include: { events: { orderBy: { occurredAt: "asc" } } } });
    expect(accepted).toMatchObject({ status: "RISK_ACCEPTED", riskAcceptedById: as.noor.userId });
    expect(accepted.events.map((e) => e.kind).slice(-2)).toEqual(["RISK_REQUESTED", "RISK_ACCEPTED"]);
    expect(accepted.events.at(-1)!.detail).toMatchObject({ requestedBy: "Lee Lead" });
    const decided = await prisma.notificationEvent.findFirstOrThrow({ where: { kind: "risk.decided", subjectId: finding.id } });
    expect(decided.userIds).toEqual([as.lead.userId]);
  });

  it("lets a rejection leave the finding as it was, and accepts a medium finding at once", async () => {
    const high = await prisma.finding.findFirstOrThrow({
      where: { status: "OPEN", severity: "HIGH", service: { team: { slug: "payments" } }, riskRequests: { none: {} } },
    });
    const expiresOn = new Date(NOW.getTime() + 30 * DAY).toISOString().slice(0, 10);
    await acceptRisk(as.noor, { findingId: high.id, reason: "Please.", expiresOn }, NOW);
    await decideRiskRequest(as.lead, { findingId: high.id, decision: "reject", note: "Fix it instead." }, NOW);
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: high.id } })).status).toBe("OPEN");
    expect(await prisma.riskAcceptanceRequest.findFirstOrThrow({ where: { findingId: high.id } })).toMatchObject({
      status: "REJECTED",
      decidedById: as.lead.userId,
    });
    const medium = await prisma.finding.findFirstOrThrow({ where: { status: "OPEN", severity: "MEDIUM", service: { team: { slug: "payments" } } } });
    expect(await acceptRisk(as.lead, { findingId: medium.id, reason: "Low exposure.", expiresOn }, NOW)).toBe("accepted");
  });
});
