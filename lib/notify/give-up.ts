// A delivery every retry of which failed (the queue's dead letter): recorded as
// failed, with its last answer kept in the delivery log. For a webhook, the
// endpoint's run of failures grows; at DISABLE_AFTER_FAILURES in a row it is
// disabled (nothing more is queued for it) and its team's leads are told.
import "server-only";
import { about, recordAuditEvent } from "../audit/record";
import { getPrisma } from "../db/prisma";
import { DISABLE_AFTER_FAILURES } from "./deliver";
import { raiseEvent } from "./raise";

export async function giveUp(deliveryId: string, now: Date = new Date()): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const [delivery] = await tx.$queryRaw<{ id: string; endpoint_id: string | null; status: string }[]>`
      SELECT id, endpoint_id, status::text FROM deliveries WHERE id = ${deliveryId}::uuid FOR UPDATE`;
    if (!delivery || delivery.status !== "pending") return;
    await tx.delivery.update({ where: { id: deliveryId }, data: { status: "FAILED" } });
    if (!delivery.endpoint_id) return;
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: delivery.endpoint_id },
      data: { consecutiveFailures: { increment: 1 } },
      include: { team: { select: { name: true } } },
    });
    if (endpoint.disabledAt || endpoint.consecutiveFailures < DISABLE_AFTER_FAILURES) return;
    const reason = `${endpoint.consecutiveFailures} deliveries in a row failed after every retry`;
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: now, disabledReason: reason } });
    await recordAuditEvent(tx, {
      action: "webhook.disabled",
      actorLabel: "(delivery failures)",
      ...about("webhook", endpoint.id, endpoint.teamId),
      after: { name: endpoint.name, reason },
      occurredAt: now,
    });
    await raiseEvent(tx, {
      kind: "webhook.disabled",
      key: `webhook.disabled:${endpoint.id}:${now.toISOString()}`,
      teamId: endpoint.teamId,
      subject: { type: "webhook", id: endpoint.id },
      path: "/webhooks",
      title: `Webhook "${endpoint.name}" of ${endpoint.team.name} was disabled`,
      summary: `${reason}. Check the endpoint, then enable it again on the webhooks page.`,
      occurredAt: now,
    });
  });
}
