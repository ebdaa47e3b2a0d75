import "server-only";
import { principalForUser } from "../../auth/sessions";
import { getPrisma } from "../../db/prisma";
import type { PortfolioExportJob } from "../../queue/queues";
import { ForbiddenError, NotFoundError } from "../errors";
import { portfolioExportScope, portfolioTeamId, renderPortfolioPdf } from "./export-portfolio-pdf";
import { completeQueuedExport } from "./record-export";
import { parseAsOf } from "../../posture/as-of";

export type RunOutcome = "done" | "refused" | "skipped";

/**
 * Makes a queued portfolio report (in the worker process). The user's right is
 * checked again with their roles as they are now: a user disabled or removed
 * from the team meanwhile gets a failed export, not a report. Unexpected errors
 * are thrown, for the queue to retry.
 */
export async function runPortfolioExport(job: PortfolioExportJob, now: Date = new Date()): Promise<RunOutcome> {
  const prisma = getPrisma();
  const started = await prisma.export.updateMany({
    where: { id: job.exportId, kind: "PORTFOLIO_PDF", status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", progress: 5, error: null },
  });
  if (started.count === 0) return "skipped";
  const { requestedById } = await prisma.export.findUniqueOrThrow({ where: { id: job.exportId }, select: { requestedById: true } });
  const principal = requestedById ? await principalForUser(prisma, requestedById, now) : null;
  if (!principal) {
    await failExport(job.exportId, "The account that asked for this report is disabled or removed.");
    return "refused";
  }
  let portfolio;
  try {
    portfolio = await portfolioExportScope(principal, job.teamSlug, now);
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
    await failExport(job.exportId, "Your roles changed after you asked: you may no longer export this portfolio.");
    return "refused";
  }
  const progress = async (percent: number) => {
    await prisma.export.updateMany({ where: { id: job.exportId, status: "RUNNING" }, data: { progress: percent } });
  };
  await progress(10);
  const asOf = job.asOf ? parseAsOf(job.asOf, now).asOf : null;
  const file = await renderPortfolioPdf(principal, portfolio, { exportId: job.exportId, origin: job.origin }, now, progress, asOf);
  const recorded = await completeQueuedExport(
    principal,
    job.exportId,
    { kind: "PORTFOLIO_PDF", fileName: file.fileName, bytes: file.bytes, teamId: portfolioTeamId(portfolio), detail: file.detail },
    job,
    now,
  );
  return recorded ? "done" : "skipped";
}

/** Marks an export failed, with a message safe to show its requester. Never undoes a finished one. */
export async function failExport(exportId: string, message: string): Promise<void> {
  await getPrisma().export.updateMany({
    where: { id: exportId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, completedAt: new Date() },
  });
}
