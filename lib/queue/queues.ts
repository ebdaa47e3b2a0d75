// The background queues (pg-boss, in Postgres: any instance may enqueue, any
// worker process may run a job, and jobs survive restarts). Created by the
// database owner when the schema is prepared; the app role only reads and
// writes rows in them.
import { z } from "zod";

export const QUEUE_SCHEMA = "pgboss";

export const PORTFOLIO_EXPORT_QUEUE = "portfolio-export";
/** Where a portfolio export lands once every attempt has failed (or timed out). */
export const PORTFOLIO_EXPORT_FAILED_QUEUE = "portfolio-export-failed";

/** The periodic signed checkpoint of the audit chain's head (lib/audit/anchor.ts). */
export const AUDIT_ANCHOR_QUEUE = "audit-anchor";

/** Fans one notification event out to people and endpoints (lib/notify/fanout.ts). */
export const NOTIFY_FANOUT_QUEUE = "notify-fanout";
/** One email or webhook delivery each (lib/notify/deliver.ts); given up on into DELIVERY_FAILED_QUEUE. */
export const DELIVER_EMAIL_QUEUE = "deliver-email";
export const DELIVER_WEBHOOK_QUEUE = "deliver-webhook";
export const DELIVERY_FAILED_QUEUE = "delivery-failed";
/** The daily scan for due dates, campaign deadlines and lapsed acceptances (lib/notify/scan.ts). */
export const NOTIFY_SCAN_QUEUE = "notify-scan";
/** The daily email digests (lib/notify/digest.ts). */
export const NOTIFY_DIGEST_QUEUE = "notify-digest";

/** A platform's answers changed: every service on it moves to its new posture (lib/data/platforms/propagate.ts). */
export const PLATFORM_POSTURE_QUEUE = "platform-posture";

export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelay: number;
  /** Each retry waits about twice as long as the one before (pg-boss adds jitter). */
  retryBackoff?: boolean;
  /** A job not finished within this time counts as a failed attempt (a worker that died mid-job). */
  expireInSeconds: number;
  deadLetter?: string;
}

export const QUEUES: QueueDefinition[] = [
  { name: PORTFOLIO_EXPORT_FAILED_QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 60 },
  { name: AUDIT_ANCHOR_QUEUE, retryLimit: 1, retryDelay: 30, expireInSeconds: 60 },
  { name: PORTFOLIO_EXPORT_QUEUE, retryLimit: 2, retryDelay: 2, expireInSeconds: 300, deadLetter: PORTFOLIO_EXPORT_FAILED_QUEUE },
  { name: NOTIFY_FANOUT_QUEUE, retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  { name: DELIVERY_FAILED_QUEUE, retryLimit: 5, retryDelay: 10, expireInSeconds: 60 },
  // Retries at about 30 s, 1, 2, 4, 8, 16 minutes and so on: an SMTP relay or receiver down for an hour loses nothing.
  // A send never takes longer than its own timeouts (lib/notify), so a job still active past expireInSeconds had a worker die under it.
  { name: DELIVER_EMAIL_QUEUE, retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 60, deadLetter: DELIVERY_FAILED_QUEUE },
  { name: DELIVER_WEBHOOK_QUEUE, retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 30, deadLetter: DELIVERY_FAILED_QUEUE },
  { name: NOTIFY_SCAN_QUEUE, retryLimit: 2, retryDelay: 60, expireInSeconds: 900 },
  { name: NOTIFY_DIGEST_QUEUE, retryLimit: 2, retryDelay: 60, expireInSeconds: 900 },
  { name: PLATFORM_POSTURE_QUEUE, retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 },
];

/** `key` names the change (an approval, a change of coverage), so its notifications are raised once however often the job runs. */
export const platformPostureJob = z.object({ platformId: z.uuid(), key: z.string().min(1).max(200) });

export const fanoutJob = z.object({ eventIds: z.array(z.uuid()).min(1).max(1000) });
export const deliveryJob = z.object({ deliveryId: z.uuid() });

export const portfolioExportJob = z.object({
  exportId: z.uuid(),
  teamSlug: z.string().max(48).nullable(),
  /** The address the report names for verification: the origin the user exported from. */
  origin: z.url(),
  ipAddress: z.string().max(64).nullable(),
  userAgent: z.string().max(400).nullable(),
  /** The day the report is as of (an audit period's end), or null for today; jobs queued before it existed have none. */
  asOf: z.iso.date().nullable().default(null),
});

/** What is enqueued: `asOf` may be left out (null, today); the worker reads it through the schema. */
export type PortfolioExportJob = z.input<typeof portfolioExportJob>;
