// Notifications against real peers: an SMTP server on loopback read back with
// mailparser, and an HTTP receiver that verifies each Standard Webhooks
// signature. The worker's steps (fan-out, deliver, digest, give up) are called
// here one by one; the worker process itself is in notify-worker.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { submitAssessment } from "@/lib/data/assessments/sign-off";
import { createWebhook } from "@/lib/data/notifications/webhooks";
import { listInbox, unreadCount } from "@/lib/data/notifications/inbox";
import { savePreferences } from "@/lib/data/notifications/preferences";
import { deliver, DeliveryFailed, DISABLE_AFTER_FAILURES } from "@/lib/notify/deliver";
import { buildDigests } from "@/lib/notify/digest";
import { fanOutEvents } from "@/lib/notify/fanout";
import { giveUp } from "@/lib/notify/give-up";
import { guardedLookup, postJson } from "@/lib/notify/http-post";
import { sendSmtp } from "@/lib/notify/mailer";
import { raiseEvent, type RaisedEvent } from "@/lib/notify/raise";
import { readUnsubscribeLink } from "@/lib/notify/unsubscribe-link";
import { unsubscribeToken } from "@/lib/notify/seal";
import type { Principal } from "@/lib/auth/policy";
import { startReceiver, startSmtp, type TestReceiver, type TestSmtp } from "../notify-peers";
import { principalOf, seededDemo } from "./principals";

let prisma: PrismaClient;
let url: string;
let as: Record<"reviewer" | "lead" | "admin", Principal>;
let smtp: TestSmtp;
let receiver: TestReceiver;
const context = { ipAddress: "127.0.0.1", userAgent: "test" };

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = await startReceiver({ slowMs: 3_000 });
  // Read once per process (lib/env.ts): set before anything reads it.
  process.env.SMTP_URL = smtp.url;
  process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
  process.env.APP_URL = "https://twelvefold.example.com";
  process.env.AUDIT_KEY = "notifications-test-audit-key-0123456789abcdef";
  ({ url, prisma, as } = await seededDemo({
    database: "twelvefold_notify",
    people: { reviewer: "reviewer@demo.test", lead: "lead@demo.test", admin: "admin@demo.test" },
  }));
}, 180_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await smtp?.close();
  await receiver?.close();
});

/** Raises an event in a transaction of its own, as a change would in its own. */
const raise = (event: RaisedEvent) => prisma.$transaction((tx) => raiseEvent(tx, event));

/** Fans out every waiting event, as the worker's fan-out job does. */
async function fanOutAll() {
  const waiting = await prisma.notificationEvent.findMany({ where: { fannedOutAt: null }, select: { id: true } });
  return waiting.length ? fanOutEvents(waiting.map((w) => w.id)) : null;
}

const pending = (where: object = {}) => prisma.delivery.findMany({ where: { status: "PENDING", digest: false, ...where }, orderBy: { createdAt: "asc" } });

/** A payments draft with every item answered, ready to submit. */
async function readyDraft(): Promise<string> {
  const draft = await prisma.assessment.findFirstOrThrow({ where: { status: "DRAFT", service: { slug: "checkout-api" } } });
  await prisma.response.updateMany({
    where: { assessmentId: draft.id },
    data: { status: "MET", justification: "Checked in the notifications test.", carriedOver: false, validation: "AGREED" },
  });
  return draft.id;
}

describe("a submitted assessment", () => {
  let secret: string;
  it("tells the team's leads in the app, by email and on the team's webhook, once each, never the reviewer who submitted", async () => {
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    secret = (
      await createWebhook(
        as.lead,
        { teamId: payments.id, name: "receiver", url: `${receiver.base}/ok`, kinds: ["assessment.submitted"], format: "standard" },
        context,
      )
    ).secret;
    receiver.setSecret("/ok", secret);
    const id = await readyDraft();
    await submitAssessment(as.reviewer, { assessmentId: id });
    const fanned = await fanOutAll();
    // Payments' two leads (Lee Lead and Noor Patel) hear of it; the reviewer who submitted does not.
    expect(fanned).toMatchObject({ events: 1, notifications: 2, emails: 2, webhooks: 1 });
    expect(await unreadCount(as.lead)).toBeGreaterThanOrEqual(1);
    expect((await listInbox(as.lead)).some((n) => n.kind === "assessment.submitted" && n.path === `/assessments/${id}`)).toBe(true);
    expect((await listInbox(as.reviewer)).some((n) => n.kind === "assessment.submitted")).toBe(false);

    const deliveries = await pending({ event: { kind: "assessment.submitted" } });
    expect(deliveries).toHaveLength(3);
    for (const d of deliveries) expect(await deliver(d.id)).toBe("sent");
    const emailDelivery = deliveries.find((d) => d.channel === "EMAIL" && d.userId === as.lead.userId)!;
    const mail = smtp.mails.find((m) => m.messageId === `<${emailDelivery.id}@twelvefold.example.com>`)!;
    expect(mail.to).toBe("lead@demo.test");
    expect(mail.messageId).toBe(`<${emailDelivery.id}@twelvefold.example.com>`);
    expect(mail.parsed.subject).toMatch(/^\[Twelvefold\] Checkout API: assessment submitted for sign-off by Riley Reviewer$/);
    expect(mail.parsed.text).toContain(`https://twelvefold.example.com/assessments/${id}`);
    expect(mail.parsed.html).toContain("Open in Twelvefold");
    const header = (name: string) => mail.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = header("list-unsubscribe")!.replace(/^<|>$/g, "");
    expect(unsubscribe).toMatch(/^https:\/\/twelvefold\.example\.com\/api\/unsubscribe\?t=/);
    expect(readUnsubscribeLink(new URL(unsubscribe).searchParams.get("t"))).toEqual({ userId: as.lead.userId, kinds: ["assessment.submitted"] });

    const hook = receiver.delivered.find((d) => d.path === "/ok")!;
    const hookDelivery = deliveries.find((d) => d.channel === "WEBHOOK")!;
    expect(hook).toMatchObject({
      id: `msg_${hookDelivery.id}`,
      verified: true,
      body: { type: "assessment.submitted", data: { url: `https://twelvefold.example.com/assessments/${id}`, team: "Payments" } },
    });
    // Nothing goes twice: a repeated job finds each delivery sent, and a repeated fan-out finds the event done.
    const before = { mails: smtp.mails.length, hooks: receiver.delivered.length };
    for (const d of deliveries) expect(await deliver(d.id)).toBe("skipped");
    expect(await fanOutEvents([hookDelivery.eventId!])).toMatchObject({ events: 0 });
    expect({ mails: smtp.mails.length, hooks: receiver.delivered.length }).toEqual(before);
    const log = await prisma.delivery.findUniqueOrThrow({ where: { id: hookDelivery.id } });
    expect(log).toMatchObject({ status: "SENT", lastCode: 204, attempts: 1 });
  });

  it("refuses a forged or altered unsubscribe link", () => {
    const token = unsubscribeToken(as.lead.userId, "assessment.submitted");
    expect(readUnsubscribeLink(token)).not.toBeNull();
    const [body, key, mac] = token.split(".");
    const other = Buffer.from(`${as.admin.userId}\nassessment.submitted`).toString("base64url");
    expect(readUnsubscribeLink(`${other}.${key}.${mac}`)).toBeNull();
    expect(readUnsubscribeLink(`${body}.${key}.${mac!.slice(0, -2)}AA`)).toBeNull();
    expect(readUnsubscribeLink(unsubscribeToken(as.lead.userId, "no.such.kind"))).toBeNull();
    expect(readUnsubscribeLink("")).toBeNull();
  });
});

describe("each person's choice", () => {
  it("sends a kind at once, in the daily digest, or not at all", async () => {
    await savePreferences(as.lead.userId, { "finding.assigned": "digest" });
    await savePreferences(as.reviewer.userId, { "finding.assigned": "off" });
    const finding = await prisma.finding.findFirstOrThrow({ where: { service: { team: { slug: "payments" } }, status: "OPEN" }, include: { service: true } });
    await raise({
      kind: "finding.assigned",
      key: `test:${finding.id}`,
      teamId: finding.service.teamId,
      subject: { type: "finding", id: finding.id },
      path: `/findings/${finding.id}`,
      title: "Assigned",
      userIds: [as.lead.userId, as.reviewer.userId],
    });
    // The same key again is the same event: raised once.
    await raise({
      kind: "finding.assigned",
      key: `test:${finding.id}`,
      teamId: finding.service.teamId,
      subject: { type: "finding", id: finding.id },
      path: "/",
      title: "Again",
    });
    expect(await prisma.notificationEvent.count({ where: { key: `test:${finding.id}` } })).toBe(1);
    expect(await fanOutAll()).toMatchObject({ events: 1, notifications: 2, emails: 1 });
    const waiting = await prisma.delivery.findMany({ where: { userId: as.lead.userId, digest: true, status: "PENDING" } });
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(await prisma.delivery.count({ where: { userId: as.reviewer.userId, event: { key: `test:${finding.id}` } } })).toBe(0);

    const built = await buildDigests(new Date());
    expect(built.people).toBeGreaterThanOrEqual(1);
    // Built again the same day: nothing new.
    expect(await buildDigests(new Date())).toEqual({ people: 0, items: 0 });
    const digest = await prisma.delivery.findFirstOrThrow({ where: { userId: as.lead.userId, digestDay: { not: null } } });
    await deliver(digest.id);
    const mail = smtp.mails.find((m) => m.messageId === `<${digest.id}@twelvefold.example.com>`)!;
    expect(mail.parsed.subject).toMatch(/daily digest/);
    expect(mail.parsed.text).toContain("Assigned");
  });
});

describe("bad peers", () => {
  it("retries an email the SMTP server refuses, keeping its code, and sends it with the same id after", async () => {
    const finding = await prisma.finding.findFirstOrThrow({ where: { service: { team: { slug: "payments" } } }, include: { service: true } });
    await raise({
      kind: "risk.lapsed",
      key: `refused:${finding.id}`,
      teamId: finding.service.teamId,
      subject: { type: "finding", id: finding.id },
      path: "/",
      title: "Refused once",
    });
    await fanOutAll();
    const [delivery] = await pending({ channel: "EMAIL", event: { key: `refused:${finding.id}` } });
    smtp.refuseNext(1, 550);
    await expect(deliver(delivery!.id)).rejects.toBeInstanceOf(DeliveryFailed);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: "PENDING", lastCode: 550, attempts: 1 });
    expect(await deliver(delivery!.id)).toBe("sent");
    expect(smtp.mails.filter((m) => m.messageId === `<${delivery!.id}@twelvefold.example.com>`)).toHaveLength(1);
  });

  it("reports an unreachable SMTP server as a failure to retry", async () => {
    const outcome = await sendSmtp("smtp://127.0.0.1:9", {
      messageId: "<x@y>",
      from: "a@b.test",
      to: "c@d.test",
      subject: "s",
      text: "t",
      html: "<p>t</p>",
      headers: {},
    });
    expect(outcome).toMatchObject({ ok: false });
  });

  it("never follows a redirect, stops waiting at the timeout, reads no more than it needs, and refuses private addresses", async () => {
    const allowed = new Set(["127.0.0.1"]);
    const redirect = await postJson(`${receiver.base}/redirect`, "{}", {}, { allowedHosts: allowed });
    expect(redirect).toMatchObject({ ok: false, status: 302 });
    expect(receiver.delivered.filter((d) => d.path === "/redirect")).toHaveLength(1);
    const started = Date.now();
    expect(await postJson(`${receiver.base}/slow`, "{}", {}, { allowedHosts: allowed, timeoutMs: 500 })).toMatchObject({ ok: false, status: null });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await postJson(`${receiver.base}/huge`, "{}", {}, { allowedHosts: allowed })).toEqual({ ok: true, status: 200 });
    expect(await postJson(`${receiver.base}/fail`, "{}", {}, { allowedHosts: allowed })).toMatchObject({ ok: false, status: 500 });
    // Not allowed: refused before any connection.
    const count = receiver.delivered.length;
    expect(await postJson(`${receiver.base.replace("http:", "https:")}/ok`, "{}", {}, { allowedHosts: new Set() })).toMatchObject({ ok: false, status: null });
    expect(receiver.delivered.length).toBe(count);
    // A name that resolves to a private address is refused by the resolver the connection uses.
    const resolved = await new Promise<{ error: Error | null }>((resolve) => guardedLookup(false)("localhost", { all: true }, (error) => resolve({ error })));
    expect(resolved.error?.message).toMatch(/private or reserved address/);
  });

  it("disables an endpoint that keeps failing, and tells its team's leads", async () => {
    const platform = await prisma.team.findUniqueOrThrow({ where: { slug: "platform" } });
    const { id } = await createWebhook(
      as.lead,
      { teamId: platform.id, name: "down", url: `${receiver.base}/fail`, kinds: ["risk.lapsed"], format: "slack" },
      context,
    );
    const finding = await prisma.finding.findFirstOrThrow({ where: { service: { teamId: platform.id } } });
    for (let i = 0; i < DISABLE_AFTER_FAILURES; i += 1) {
      await raise({
        kind: "risk.lapsed",
        key: `down:${i}`,
        teamId: platform.id,
        subject: { type: "finding", id: finding.id },
        path: "/",
        title: `Down ${i}`,
      });
      await fanOutAll();
      const [delivery] = await pending({ endpointId: id });
      await expect(deliver(delivery!.id)).rejects.toBeInstanceOf(DeliveryFailed);
      // Every retry failed: the queue's dead letter gives up on it.
      await giveUp(delivery!.id);
    }
    const endpoint = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint.disabledAt).not.toBeNull();
    expect(endpoint.consecutiveFailures).toBe(DISABLE_AFTER_FAILURES);
    expect(await prisma.delivery.count({ where: { endpointId: id, status: "FAILED", lastCode: 500 } })).toBe(DISABLE_AFTER_FAILURES);
    await fanOutAll();
    expect((await listInbox(as.lead)).some((n) => n.kind === "webhook.disabled" && n.title.includes('"down"'))).toBe(true);
    // Disabled: a new event queues nothing for it.
    await raise({ kind: "risk.lapsed", key: "down:after", teamId: platform.id, subject: { type: "finding", id: finding.id }, path: "/", title: "After" });
    await fanOutAll();
    expect(await pending({ endpointId: id })).toHaveLength(0);
  });
});

describe("scope", () => {
  it("tells nobody outside the event's team, and hides it from someone who has left", async () => {
    const identity = await prisma.team.findUniqueOrThrow({ where: { slug: "identity" } });
    const finding = await prisma.finding.findFirstOrThrow({ where: { service: { teamId: identity.id } } });
    await raise({
      kind: "finding.overdue",
      key: `scope:${finding.id}`,
      teamId: identity.id,
      subject: { type: "finding", id: finding.id },
      path: `/findings/${finding.id}`,
      title: "Identity only",
      // Named, but Lee Lead holds no role in Identity: not told.
      userIds: [as.lead.userId],
    });
    await fanOutAll();
    const told = await prisma.notification.findMany({ where: { event: { key: `scope:${finding.id}` } }, include: { user: { select: { email: true } } } });
    expect(told.map((n) => n.user.email)).toEqual(["tomas.reyes@demo.test"]);
    const tomas = told[0]!.userId;
    expect((await listInbox(await principalOf(url, tomas))).some((n) => n.title === "Identity only")).toBe(true);
    await prisma.membership.deleteMany({ where: { userId: tomas, teamId: identity.id } });
    expect((await listInbox(await principalOf(url, tomas))).some((n) => n.title === "Identity only")).toBe(false);
  });
});
