// The worker's notification jobs: fan-out, email and webhook deliveries (each
// its own queue, so a slow webhook never holds an email), the dead letter of
// deliveries given up on, and the two daily schedules. pg-boss hands each job
// to one worker and each schedule tick to one, however many run.
import type PgBoss from "pg-boss";
import { z } from "zod";
import { getEnv } from "../env";
import type { Logger } from "../log";
import { deliver, DeliveryFailed } from "../notify/deliver";
import { buildDigests } from "../notify/digest";
import { fanOutEvents } from "../notify/fanout";
import { giveUp } from "../notify/give-up";
import { runDailyScan } from "../notify/scan";
import {
  DELIVER_EMAIL_QUEUE,
  DELIVER_WEBHOOK_QUEUE,
  DELIVERY_FAILED_QUEUE,
  deliveryJob,
  fanoutJob,
  NOTIFY_DIGEST_QUEUE,
  NOTIFY_FANOUT_QUEUE,
  NOTIFY_SCAN_QUEUE,
} from "./queues";

type Polling = { batchSize: number; pollingIntervalSeconds: number; includeMetadata: true };

function parsed<S extends z.ZodType>(schema: S, job: PgBoss.Job<unknown>, log: Logger): z.infer<S> | null {
  const result = schema.safeParse(job.data);
  if (result.success) return result.data;
  log.error({ job: job.id, queue: job.name }, "malformed job dropped");
  return null;
}

export async function startNotificationWork(boss: PgBoss, log: Logger, polling: Polling): Promise<void> {
  await boss.work<unknown>(NOTIFY_FANOUT_QUEUE, polling, async ([job]) => {
    const data = job && parsed(fanoutJob, job, log);
    if (!data) return;
    const result = await fanOutEvents(data.eventIds);
    log.info({ job: job.id, ...result }, "notifications fanned out");
  });
  // Several deliveries at once per worker (a batch), each settled on its own: one that fails is retried alone.
  for (const queue of [DELIVER_EMAIL_QUEUE, DELIVER_WEBHOOK_QUEUE]) {
    await boss.work<unknown>(queue, { ...polling, batchSize: 8 }, async (jobs) => {
      await Promise.all(
        jobs.map(async (job) => {
          const data = parsed(deliveryJob, job, log);
          if (!data) return boss.complete(queue, job.id);
          try {
            const outcome = await deliver(data.deliveryId);
            log.debug({ job: job.id, delivery: data.deliveryId, outcome }, "delivery");
            await boss.complete(queue, job.id);
          } catch (error) {
            const expected = error instanceof DeliveryFailed;
            log[expected ? "warn" : "error"](
              {
                job: job.id,
                delivery: data.deliveryId,
                attempt: job.retryCount + 1,
                err: expected ? undefined : error,
                reason: expected ? error.message : undefined,
              },
              "delivery failed; will retry",
            );
            await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
          }
        }),
      );
    });
  }
  await boss.work<unknown>(DELIVERY_FAILED_QUEUE, polling, async ([job]) => {
    const data = job && parsed(deliveryJob, job, log);
    if (!data) return;
    await giveUp(data.deliveryId);
    log.warn({ delivery: data.deliveryId }, "delivery given up after every retry");
  });
  const env = getEnv();
  await boss.schedule(NOTIFY_SCAN_QUEUE, env.NOTIFY_SCAN_CRON, {}, { tz: "UTC" });
  await boss.work(NOTIFY_SCAN_QUEUE, polling, async () => {
    const started = Date.now();
    const result = await runDailyScan();
    log.info({ ...result, ms: Date.now() - started }, "daily notification scan");
  });
  // A worker that starts catches up on a scan it may have missed while none ran (at most one per six hours, across workers).
  await boss.send(NOTIFY_SCAN_QUEUE, {}, { singletonKey: "catch-up", singletonSeconds: 6 * 3600 });
  await boss.schedule(NOTIFY_DIGEST_QUEUE, env.NOTIFY_DIGEST_CRON, {}, { tz: "UTC" });
  await boss.work(NOTIFY_DIGEST_QUEUE, polling, async () => {
    const result = await buildDigests();
    log.info(result, "email digests built");
  });
}
