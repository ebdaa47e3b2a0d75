// A campaign follows the assessments of its targets: an assessment started on a
// target service is linked to it; one approved on the campaign's checklist
// version or a later one meets it; when every target is met the campaign closes
// itself as completed, and at its deadline the daily scan closes it with what
// was missed. Each step runs in the transaction of the change that causes it.
import "server-only";
import { about, recordAuditEvent } from "../../audit/record";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { DUE_SOON_DAYS } from "../../notify/kinds";
import { raiseEvents } from "../../notify/raise";

type Tx = Prisma.TransactionClient;

/** A new assessment of a service answers the open campaigns that still wait for one. */
export async function linkStartedAssessment(tx: Tx, serviceId: string, assessmentId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE campaign_targets t SET assessment_id = ${assessmentId}::uuid
    FROM campaigns c
    WHERE c.id = t.campaign_id AND c.status = 'open' AND t.service_id = ${serviceId}::uuid AND t.approved_at IS NULL
      AND (t.assessment_id IS NULL OR NOT EXISTS (SELECT 1 FROM assessments a WHERE a.id = t.assessment_id AND a.status <> 'completed'))`;
}

/** An approval meets the open campaigns over its service whose checklist version it reaches; those left with nothing to wait for close. */
export async function recordApproval(tx: Tx, input: { serviceId: string; assessmentId: string; checklistVersionId: string; now: Date }): Promise<void> {
  const met = await tx.$queryRaw<{ campaign_id: string }[]>`
    UPDATE campaign_targets t SET approved_at = ${input.now}, assessment_id = ${input.assessmentId}::uuid
    FROM campaigns c, checklist_versions wanted, checklist_versions used
    WHERE c.id = t.campaign_id AND c.status = 'open' AND t.service_id = ${input.serviceId}::uuid AND t.approved_at IS NULL
      AND wanted.id = c.checklist_version_id AND used.id = ${input.checklistVersionId}::uuid AND used.published_at >= wanted.published_at
    RETURNING t.campaign_id`;
  for (const campaignId of new Set(met.map((m) => m.campaign_id))) {
    const waiting = await tx.campaignTarget.count({ where: { campaignId, approvedAt: null } });
    if (waiting === 0) await closeCampaign(tx, campaignId, "completed", input.now);
  }
}

async function closeCampaign(tx: Tx, campaignId: string, reason: "completed" | "deadline", now: Date): Promise<void> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM campaigns WHERE id = ${campaignId}::uuid AND status = 'open' FOR UPDATE`;
  if (!locked) return;
  const campaign = await tx.campaign.update({ where: { id: campaignId }, data: { status: "CLOSED", closedReason: reason, closedAt: now } });
  const targets = await tx.campaignTarget.findMany({ where: { campaignId }, include: { service: { select: { name: true } } } });
  const missed = targets.filter((t) => !t.approvedAt);
  await recordAuditEvent(tx, {
    action: "campaign.closed",
    actorLabel: reason === "completed" ? "(every target approved)" : "(deadline passed)",
    ...about("campaign", campaignId),
    after: { reason, met: targets.length - missed.length, missed: missed.map((t) => t.serviceId) },
    occurredAt: now,
  });
  const teams = [...new Set(targets.map((t) => t.teamId))];
  await raiseEvents(
    tx,
    teams.map((teamId) => {
      const mine = targets.filter((t) => t.teamId === teamId);
      const missedHere = mine.filter((t) => !t.approvedAt).map((t) => t.service.name);
      return {
        kind: "campaign.closed" as const,
        key: `campaign.closed:${campaignId}:${teamId}`,
        teamId,
        subject: { type: "campaign" as const, id: campaignId },
        path: `/campaigns/${campaignId}`,
        title: `Campaign "${campaign.name}" closed${reason === "completed" ? ": every service reviewed" : " at its deadline"}`,
        summary: missedHere.length
          ? `Your team missed ${missedHere.length} of ${mine.length}: ${missedHere.slice(0, 10).join(", ")}${missedHere.length > 10 ? ", …" : ""}.`
          : `Your team reviewed all ${mine.length} of its services in it.`,
        occurredAt: now,
      };
    }),
  );
}

/** Closes every open campaign whose deadline has passed (the daily scan). */
export async function closeDueCampaigns(now: Date): Promise<number> {
  const due = await getPrisma().campaign.findMany({ where: { status: "OPEN", deadline: { lte: now } }, select: { id: true } });
  for (const { id } of due) await getPrisma().$transaction((tx) => closeCampaign(tx, id, "deadline", now));
  return due.length;
}

/** Reminds each team with targets still waiting when a campaign's deadline is near (once per campaign and team). */
export async function raiseCampaignReminders(now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + DUE_SOON_DAYS.campaign * 86_400_000);
  const near = await getPrisma().campaign.findMany({
    where: { status: "OPEN", deadline: { gt: now, lte: horizon } },
    include: { targets: { where: { approvedAt: null }, include: { service: { select: { name: true } } } } },
  });
  let raised = 0;
  for (const campaign of near) {
    const teams = [...new Set(campaign.targets.map((t) => t.teamId))];
    await getPrisma().$transaction(async (tx) => {
      const ids = await raiseEvents(
        tx,
        teams.map((teamId) => {
          const waiting = campaign.targets.filter((t) => t.teamId === teamId).map((t) => t.service.name);
          return {
            kind: "campaign.nearing" as const,
            key: `campaign.nearing:${campaign.id}:${teamId}`,
            teamId,
            subject: { type: "campaign" as const, id: campaign.id },
            path: `/campaigns/${campaign.id}`,
            title: `Campaign "${campaign.name}" ends ${campaign.deadline.toISOString().slice(0, 10)}`,
            summary: `${waiting.length} of your team's services still wait for an approved review: ${waiting.slice(0, 10).join(", ")}${waiting.length > 10 ? ", …" : ""}.`,
            occurredAt: now,
          };
        }),
      );
      raised += ids.length;
    });
  }
  return raised;
}
