// The worker process's body: runs queued jobs (long exports) away from the web
// processes, so a report being laid out never holds up anyone's request. Any
// number of workers may run against one database; pg-boss hands each job to one.
import PgBoss from "pg-boss";
import { anchorChainHead, AUDIT_ANCHOR_CRON } from "../audit/anchor";
import { failExport, runPortfolioExport } from "../data/exports/run-portfolio-export";
import type { Logger } from "../log";
import { closeMailer } from "../notify/mailer";
import { startNotificationWork } from "./notification-work";
import { propagatePlatformChange } from "../data/platforms/propagate";
import {
  AUDIT_ANCHOR_QUEUE,
  PLATFORM_POSTURE_QUEUE,
  platformPostureJob,
  PORTFOLIO_EXPORT_FAILED_QUEUE,
  PORTFOLIO_EXPORT_QUEUE,
  QUEUE_SCHEMA,
  portfolioExportJob,
  type PortfolioExportJob,
} from "./queues";

export const GAVE_UP = "The report could not be made after several attempts. Ask for it again; if it fails again, tell your administrator.";

export interface RunningWorker {
  /** Stops taking jobs, lets the running one finish (up to `timeoutMs`), then closes. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startWorker(options: {
  databaseUrl: string;
  log: Logger;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}): Promise<RunningWorker> {
  const { log } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: QUEUE_SCHEMA,
    application_name: "twelvefold-worker",
    max: 3,
    // The schema is the owner's to change (npm start / db:migrate); this role only works the queues.
    migrate: false,
    supervise: true,
    // Cron jobs (the audit anchor): every worker keeps the clock, pg-boss sends each tick once.
    schedule: true,
    // How soon a job whose worker died (past its queue's expiry) is retried.
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error) => log.error({ err: error }, "queue error"));
  await boss.start();
  const polling = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, includeMetadata: true } as const;
  await boss.work<unknown>(PORTFOLIO_EXPORT_QUEUE, polling, async ([job]) => {
    const data = validJob(job, log);
    if (!job || !data) return;
    const started = Date.now();
    try {
      const outcome = await runPortfolioExport(data);
      log.info({ job: job.id, exportId: data.exportId, outcome, ms: Date.now() - started }, "portfolio export");
    } catch (error) {
      log.error({ job: job.id, exportId: data.exportId, attempt: job.retryCount + 1, err: error }, "portfolio export failed");
      throw error;
    }
  });
  // Every attempt failed or timed out (a worker killed mid-job): say so on the export.
  await boss.work<unknown>(PORTFOLIO_EXPORT_FAILED_QUEUE, polling, async ([job]) => {
    const data = validJob(job, log);
    if (!job || !data) return;
    await failExport(data.exportId, GAVE_UP);
    log.warn({ job: job.id, exportId: data.exportId }, "portfolio export given up");
  });
  // A signed checkpoint of the audit chain's head into the security log, every 15 minutes.
  await boss.schedule(AUDIT_ANCHOR_QUEUE, AUDIT_ANCHOR_CRON, {}, { tz: "UTC" });
  await boss.work(AUDIT_ANCHOR_QUEUE, polling, async () => {
    const checkpoint = await anchorChainHead();
    log.info({ seq: checkpoint?.seq ?? null }, "audit chain anchored");
  });
  await startNotificationWork(boss, log, polling);
  // A platform's answers changed: the services on it move with them.
  await boss.work<unknown>(PLATFORM_POSTURE_QUEUE, polling, async ([job]) => {
    const data = job && platformPostureJob.safeParse(job.data);
    if (!job || !data?.success) return log.error({ job: job?.id }, "malformed job dropped");
    const started = Date.now();
    const result = await propagatePlatformChange(data.data);
    log.info({ job: job.id, platformId: data.data.platformId, ...result, ms: Date.now() - started }, "platform change propagated");
  });
  return {
    stop: async (timeoutMs = 30_000) => {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      closeMailer();
    },
  };
}

/** A job whose data is not what we enqueue is dropped (retrying cannot fix it), and logged. */
function validJob(job: PgBoss.Job<unknown> | undefined, log: Logger): PortfolioExportJob | null {
  if (!job) return null;
  const parsed = portfolioExportJob.safeParse(job.data);
  if (parsed.success) return parsed.data;
  log.error({ job: job.id, queue: job.name, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }, "malformed job dropped");
  return null;
}
