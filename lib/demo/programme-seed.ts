// The demo's programme: a campaign over the critical services, a risk
// acceptance waiting for a second lead, a team webhook (disabled, since the
// demo has nowhere to send), and the notifications all of that raised, fanned
// out at once so the bell, the notification centre and the outbox show them.
import type { Prisma } from "../generated/prisma/client";
import { fanOut } from "../notify/fanout-core";
import { raiseEvents, type RaisedEvent } from "../notify/raise";
import { newWebhookSecret } from "../notify/seal";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

export async function seedProgramme(
  tx: Tx,
  input: { versionId: string; userIds: Map<string, string>; teamIds: Map<string, string>; now: Date; sealSecret?: (secret: string) => string },
): Promise<void> {
  const { now, userIds, teamIds } = input;
  const admin = userIds.get("admin@demo.test")!;
  const noor = userIds.get("noor.patel@demo.test")!;
  const events: RaisedEvent[] = [];

  // A campaign over every critical service, due in five weeks; drafts under way count as started.
  const critical = await tx.service.findMany({
    where: { criticality: "CRITICAL", archivedAt: null },
    select: { id: true, name: true, teamId: true, assessments: { where: { status: { in: ["DRAFT", "IN_REVIEW"] } }, select: { id: true } } },
  });
  const deadline = new Date(now.getTime() + 35 * DAY);
  const campaign = await tx.campaign.create({
    data: {
      name: "Critical services: year-end review",
      filter: { teamIds: [], tiers: ["critical"] },
      checklistVersionId: input.versionId,
      deadline,
      launchedById: admin,
      launchedAt: now,
    },
  });
  await tx.campaignTarget.createMany({
    data: critical.map((s) => ({ campaignId: campaign.id, serviceId: s.id, teamId: s.teamId, assessmentId: s.assessments[0]?.id ?? null })),
  });
  for (const teamId of new Set(critical.map((s) => s.teamId))) {
    const mine = critical.filter((s) => s.teamId === teamId);
    events.push({
      kind: "campaign.launched",
      key: `campaign.launched:${campaign.id}:${teamId}`,
      teamId,
      subject: { type: "campaign", id: campaign.id },
      path: `/campaigns/${campaign.id}`,
      title: `Campaign "${campaign.name}": review ${mine.length} of your services by ${deadline.toISOString().slice(0, 10)}`,
      summary: mine.map((s) => s.name).join(", "),
      actorId: admin,
      occurredAt: now,
    });
  }

  // Noor asks to accept a high finding's risk on a Payments service; Lee Lead decides.
  const finding = await tx.finding.findFirst({
    where: { status: { in: ["OPEN", "IN_PROGRESS"] }, severity: { in: ["HIGH", "CRITICAL"] }, service: { teamId: teamIds.get("payments") } },
    orderBy: { openedAt: "asc" },
    include: { service: { select: { name: true } } },
  });
  if (finding) {
    const expiresAt = new Date(now.getTime() + 60 * DAY);
    const reason = "A compensating control (the gateway's rate limit) covers it until the Q1 rewrite.";
    await tx.riskAcceptanceRequest.create({
      data: { findingId: finding.id, reason, expiresAt, requestedById: noor, requestedAt: new Date(now.getTime() - DAY) },
    });
    await tx.findingEvent.create({
      data: {
        findingId: finding.id,
        kind: "RISK_REQUESTED",
        actorId: noor,
        occurredAt: new Date(now.getTime() - DAY),
        detail: { reason, expiresAt: expiresAt.toISOString() },
      },
    });
    events.push({
      kind: "risk.requested",
      key: `risk.requested:${finding.id}:demo`,
      teamId: finding.service ? teamIds.get("payments")! : "",
      subject: { type: "finding", id: finding.id },
      path: `/findings/${finding.id}`,
      title: `Noor Patel asks to accept the risk of: ${finding.title}`,
      summary: `A ${finding.severity.toLowerCase()} finding on ${finding.service.name}; because: ${reason}`,
      actorId: noor,
      occurredAt: new Date(now.getTime() - DAY),
    });
  }

  // Platform's chat webhook, registered but disabled: the demo has no receiver to send to.
  if (input.sealSecret)
    await tx.webhookEndpoint.create({
      data: {
        teamId: teamIds.get("platform")!,
        name: "#platform-security (Slack)",
        url: "https://hooks.slack.com/services/T00000000/B00000000/DEMO",
        kinds: ["assessment.submitted", "assessment.approved", "finding.overdue", "webhook.disabled"],
        format: "SLACK",
        secretSealed: input.sealSecret(newWebhookSecret()),
        createdById: userIds.get("lead@demo.test")!,
        createdAt: now,
        disabledAt: now,
        disabledReason: "The demo sends nowhere: point it at your Slack incoming webhook, then enable it",
      },
    });

  const ids = await raiseEvents(tx, events);
  await fanOut(tx, ids);
}
