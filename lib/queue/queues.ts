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

export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelay: number;
  /** A job not finished within this time counts as a failed attempt (a worker that died mid-job). */
  expireInSeconds: number;
  deadLetter?: string;
}

export const QUEUES: QueueDefinition[] = [
  { name: PORTFOLIO_EXPORT_FAILED_QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 60 },
  { name: AUDIT_ANCHOR_QUEUE, retryLimit: 1, retryDelay: 30, expireInSeconds: 60 },
  { name: PORTFOLIO_EXPORT_QUEUE, retryLimit: 2, retryDelay: 2, expireInSeconds: 300, deadLetter: PORTFOLIO_EXPORT_FAILED_QUEUE },
];

export const portfolioExportJob = z.object({
  exportId: z.uuid(),
  teamSlug: z.string().max(48).nullable(),
  /** The address the report names for verification: the origin the user exported from. */
  origin: z.url(),
  ipAddress: z.string().max(64).nullable(),
  userAgent: z.string().max(400).nullable(),
});

export type PortfolioExportJob = z.infer<typeof portfolioExportJob>;
