// The real worker process, killed (SIGKILL) in the middle of a batch of
// deliveries and started again: afterwards every notification has reached its
// SMTP server and webhook receiver, and no id reached them twice except a retry
// of one that was in flight when the worker died (its delivery shows a second
// attempt). The same id on a repeat is what lets a receiver drop it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { createWebhook } from "@/lib/data/notifications/webhooks";
import { raiseEvents } from "@/lib/notify/raise";
import type { Principal } from "@/lib/auth/policy";
import { WORKER_ARGS } from "../../scripts/worker-command";
import { startReceiver, startSmtp, type TestReceiver, type TestSmtp } from "../notify-peers";
import { seededDemo } from "./principals";

const root = path.resolve(import.meta.dirname, "../..");
const AUDIT_KEY = "notify-worker-test-audit-key-0123456789abcdef";
const EVENTS = 30;

let prisma: PrismaClient;
let url: string;
let lead: Principal;
let smtp: TestSmtp;
let receiver: TestReceiver;
let worker: ChildProcess | undefined;

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, WORKER_ARGS, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      SMTP_URL: smtp.url,
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
      AUDIT_KEY,
      APP_URL: "https://twelvefold.example.com",
      // Look for jobs whose worker died every second (the queues' own expiry still applies).
      WORKER_MAINTENANCE_SECONDS: "1",
      LOG_LEVEL: "warn",
    },
  });
  return child;
}

beforeAll(async () => {
  smtp = await startSmtp({ delayMs: 40 });
  receiver = await startReceiver({ okDelayMs: 60 });
  process.env.AUDIT_KEY = AUDIT_KEY;
  process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
  ({ url, prisma } = await seededDemo({ database: "twelvefold_notify_worker", people: { lead: "lead@demo.test" } }).then((s) => {
    lead = s.as.lead;
    return s;
  }));
}, 180_000);

afterAll(async () => {
  worker?.kill("SIGKILL");
  await prisma?.$disconnect();
  await smtp?.close();
  await receiver?.close();
});

const until = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe("the worker killed mid-batch", () => {
  it("delivers every notification after a restart, and repeats no id but the ones in flight", async () => {
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const { secret } = await createWebhook(
      lead,
      { teamId: payments.id, name: "receiver", url: `${receiver.base}/ok`, kinds: ["risk.lapsed"], format: "standard" },
      { ipAddress: null, userAgent: null },
    );
    receiver.setSecret("/ok", secret);
    const finding = await prisma.finding.findFirstOrThrow({ where: { service: { teamId: payments.id } } });
    // Payments has two leads: two emails and one webhook call per event.
    await prisma.$transaction((tx) =>
      raiseEvents(
        tx,
        Array.from({ length: EVENTS }, (_, i) => ({
          kind: "risk.lapsed" as const,
          key: `kill:${i}`,
          teamId: payments.id,
          subject: { type: "finding" as const, id: finding.id },
          path: `/findings/${finding.id}`,
          title: `Lapsed ${i}`,
        })),
      ),
    );

    worker = startWorker();
    const received = () => smtp.mails.length + receiver.delivered.length;
    await until(() => received() >= 20, 60_000, "the first deliveries");
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker!.once("exit", resolve));
    const atKill = received();
    const total = EVENTS * 3;
    expect(atKill).toBeLessThan(total); // it died mid-batch

    worker = startWorker();
    const ours = { event: { key: { startsWith: "kill:" } } };
    await until(
      async () =>
        (await prisma.delivery.count({ where: { ...ours, status: { not: "SENT" } } })) === 0 && (await prisma.delivery.count({ where: ours })) === total,
      200_000,
      "every delivery",
    );
    worker.kill("SIGTERM");

    const deliveries = await prisma.delivery.findMany({ where: ours });
    const byId = new Map(deliveries.map((d) => [d.id, d]));
    const emailIds = smtp.mails
      .map((m) => /^<([0-9a-f-]{36})@twelvefold\.example\.com>$/.exec(m.messageId)?.[1])
      .filter((id): id is string => !!id && byId.has(id));
    const hookIds = receiver.delivered.filter((d) => d.path === "/ok").map((d) => d.id.replace(/^msg_/, ""));
    // Every delivery reached its peer, verified.
    for (const d of deliveries) expect(d.channel === "EMAIL" ? emailIds : hookIds).toContain(d.id);
    expect(receiver.delivered.filter((d) => d.path === "/ok").every((d) => d.verified)).toBe(true);
    // A repeat is only ever a second attempt of the same delivery, with the same id: one the dead worker had in hand.
    const repeats = [...emailIds, ...hookIds].filter((id, i, all) => all.indexOf(id) !== i);
    for (const id of repeats) expect(byId.get(id)!.attempts).toBeGreaterThanOrEqual(2);
    // At most a batch per queue was in flight (8 emails, 8 webhook calls).
    expect(new Set(repeats).size).toBeLessThanOrEqual(16);
    expect(new Set([...emailIds, ...hookIds]).size).toBe(total);
  }, 300_000);
});
