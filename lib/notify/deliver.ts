// Sending one delivery (an email or a webhook call), the body of the worker's
// deliver jobs. The delivery row was written before any send, and its id is
// the message's id (Message-ID <id@host>, webhook-id msg_<id>): a worker that
// dies mid-send leaves it pending, pg-boss runs the job again, and the same id
// goes out, so a receiver drops the repeat. A delivery already sent is never
// sent again. A failed send throws, and the queue retries it with back-off;
// once every retry failed, giveUp records it (and may disable the endpoint).
import "server-only";
import { Webhook } from "standardwebhooks";
import { appUrl, getEnv } from "../env";
import { getPrisma } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { sendSmtp, type OutgoingEmail, type SendOutcome } from "./mailer";
import { postJson } from "./http-post";
import { digestEmail, eventEmail, webhookBody, type EventView, type WebhookFormatName } from "./render";
import { openSecret, SealError, unsubscribeToken } from "./seal";
import { parseAllowedHosts } from "./ssrf";

export class DeliveryFailed extends Error {}

/** An endpoint is disabled after this many deliveries in a row were given up on. */
export const DISABLE_AFTER_FAILURES = 5;

const deliveryInclude = {
  event: true,
  user: { select: { email: true, disabledAt: true, scimDeletedAt: true } },
  endpoint: true,
} satisfies Prisma.DeliveryInclude;

type EventRow = Prisma.NotificationEventGetPayload<object>;

// Team names by id, kept a minute: a worker sending thousands of emails asks once, and a rename shows within the minute.
const teamNames = new Map<string, { name: string; at: number }>();

async function teamNamesOf(ids: string[]): Promise<Map<string, string>> {
  const now = Date.now();
  const missing = ids.filter((id) => (teamNames.get(id)?.at ?? 0) < now - 60_000);
  if (missing.length) {
    for (const t of await getPrisma().team.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } }))
      teamNames.set(t.id, { name: t.name, at: now });
  }
  return new Map(ids.map((id) => [id, teamNames.get(id)?.name ?? "your team"]));
}

async function viewsOf(events: EventRow[]): Promise<EventView[]> {
  const teams = await teamNamesOf([...new Set(events.map((e) => e.teamId).filter((t): t is string => !!t))]);
  const base = appUrl();
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    url: `${base}${e.path}`,
    team: (e.teamId && teams.get(e.teamId)) || "your team",
    occurredAt: e.occurredAt,
    subject: { type: e.subjectType, id: e.subjectId },
  }));
}

export const messageIdOf = (deliveryId: string) => `<${deliveryId}@${new URL(appUrl()).hostname}>`;
export const webhookIdOf = (deliveryId: string) => `msg_${deliveryId}`;

function unsubscribeLinks(userId: string, kinds: string[]) {
  const token = unsubscribeToken(userId, [...new Set(kinds)].sort().join(","));
  const base = appUrl();
  return {
    settingsUrl: `${base}/notifications/settings`,
    unsubscribeUrl: `${base}/unsubscribe?t=${encodeURIComponent(token)}`,
    oneClickUrl: `${base}/api/unsubscribe?t=${encodeURIComponent(token)}`,
  };
}

/** Sends a delivery if it still waits; "sent", "skipped" (already done, or its recipient gone) or throws DeliveryFailed. */
export async function deliver(deliveryId: string, now: () => Date = () => new Date()): Promise<"sent" | "skipped"> {
  const prisma = getPrisma();
  // Counted before the send: a worker that dies mid-send leaves the attempt on record, and its retry shows as the second.
  const delivery = await prisma.delivery
    .update({ where: { id: deliveryId, status: "PENDING" }, data: { attempts: { increment: 1 } }, include: deliveryInclude })
    .catch((error: { code?: string }) => {
      if (error.code === "P2025") return null; // gone, or no longer pending (sent already, or given up on)
      throw error;
    });
  if (!delivery) return "skipped";
  const outcome = delivery.channel === "EMAIL" ? await sendEmailDelivery(delivery) : await sendWebhookDelivery(delivery);
  if ("gone" in outcome) {
    await prisma.delivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { status: "FAILED", lastError: outcome.gone } });
    return "skipped";
  }
  if (outcome.ok) {
    await prisma.$transaction(async (tx) => {
      await tx.delivery.updateMany({
        where: { id: deliveryId, status: "PENDING" },
        data: { status: "SENT", sentAt: now(), lastCode: outcome.code, lastError: null },
      });
      if (delivery.endpointId) await tx.webhookEndpoint.update({ where: { id: delivery.endpointId }, data: { consecutiveFailures: 0 } });
    });
    return "sent";
  }
  await prisma.delivery.update({ where: { id: deliveryId }, data: { lastCode: outcome.code, lastError: outcome.error.slice(0, 500) } });
  throw new DeliveryFailed(outcome.error);
}

type Loaded = Prisma.DeliveryGetPayload<{ include: typeof deliveryInclude }>;

type Gone = { gone: string };

async function sendEmailDelivery(delivery: Loaded): Promise<SendOutcome | Gone> {
  const user = delivery.user;
  if (!user || !delivery.userId || user.disabledAt || user.scimDeletedAt) return { gone: "its recipient is no longer active" };
  let kinds: string[];
  let body;
  let links;
  if (delivery.event) {
    kinds = [delivery.event.kind];
    links = unsubscribeLinks(delivery.userId, kinds);
    body = eventEmail((await viewsOf([delivery.event]))[0]!, links);
  } else {
    const items = await getPrisma().delivery.findMany({ where: { digestId: delivery.id }, include: { event: true }, orderBy: { createdAt: "asc" } });
    const events = items.map((i) => i.event).filter((e): e is EventRow => e !== null);
    if (events.length === 0) return { gone: "the digest had nothing in it" };
    kinds = events.map((e) => e.kind);
    links = unsubscribeLinks(delivery.userId, kinds);
    body = digestEmail(await viewsOf(events), (delivery.digestDay ?? delivery.createdAt).toISOString().slice(0, 10), links);
  }
  const env = getEnv();
  const email: OutgoingEmail = {
    messageId: messageIdOf(delivery.id),
    from: env.SMTP_FROM,
    to: user.email,
    ...body,
    headers: {
      // RFC 8058: a mail client may unsubscribe with one POST, no page, no sign-in.
      "List-Unsubscribe": `<${links.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
      "X-Twelvefold-Kind": kinds.length === 1 ? kinds[0]! : "digest",
    },
  };
  if (env.SMTP_URL) return sendSmtp(env.SMTP_URL, email);
  // No SMTP server: the outbox, written once (the id is the delivery's).
  await getPrisma().outboxEmail.createMany({
    data: [
      {
        id: delivery.id,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { "Message-ID": email.messageId, From: email.from, ...email.headers },
      },
    ],
    skipDuplicates: true,
  });
  return { ok: true, code: 250 };
}

async function sendWebhookDelivery(delivery: Loaded): Promise<SendOutcome | Gone> {
  const endpoint = delivery.endpoint;
  if (!endpoint || endpoint.disabledAt || !delivery.event) return { gone: "the endpoint is disabled or removed" };
  const [view] = await viewsOf([delivery.event]);
  const body = webhookBody(view!, endpoint.format.toLowerCase() as WebhookFormatName);
  const id = webhookIdOf(delivery.id);
  const timestamp = new Date();
  let secret: string;
  try {
    secret = openSecret(endpoint.secretSealed);
  } catch (error) {
    // Retried: an operator may restore the key (AUDIT_KEY_PREVIOUS) meanwhile; given up on, it counts against the endpoint.
    return { ok: false, code: null, error: `the signing secret cannot be opened: ${error instanceof SealError ? error.message : "it is damaged"}` };
  }
  const signature = new Webhook(secret).sign(id, timestamp, body);
  const headers = { "webhook-id": id, "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)), "webhook-signature": signature };
  const outcome = await postJson(endpoint.url, body, headers, { allowedHosts: parseAllowedHosts(getEnv().WEBHOOK_ALLOWED_HOSTS) });
  return outcome.ok ? { ok: true, code: outcome.status } : { ok: false, code: outcome.status, error: outcome.error };
}
