import "server-only";
import { randomUUID } from "node:crypto";
import { about, recordAuditEvent, requestOf, eventBy } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { enqueue } from "../../queue/enqueue";
import { PORTFOLIO_EXPORT_QUEUE, type PortfolioExportJob } from "../../queue/queues";
import { ValidationError } from "../errors";
import { parseAsOf } from "../../posture/as-of";
import { portfolioExportScope, portfolioTeamId } from "./export-portfolio-pdf";

/** How many portfolio exports one user may have waiting or running at once. */
export const MAX_EXPORTS_UNDER_WAY = 3;

/**
 * Asks for a portfolio report. The report is long to lay out, so a worker
 * process makes it: this records the export as queued and enqueues its job in
 * one transaction, and returns at once. The worker checks the right again.
 */
export async function requestPortfolioExport(
  principal: Principal,
  input: { teamSlug?: string | null; asOf?: string | null },
  context: { origin: string; ipAddress: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<{ exportId: string }> {
  const { asOf, error } = parseAsOf(input.asOf ?? null, now);
  if (error) throw new ValidationError(error, { asOf: [error] });
  const portfolio = await portfolioExportScope(principal, input.teamSlug, now);
  const exportId = randomUUID();
  const teamId = portfolioTeamId(portfolio);
  const job: PortfolioExportJob = {
    exportId,
    teamSlug: portfolio.single?.slug ?? null,
    origin: context.origin,
    ...requestOf(context),
    asOf: asOf?.day ?? null,
  };
  await getPrisma().$transaction(async (tx) => {
    // Serialises one user's requests, so the limit holds under double clicks.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('portfolio-export'), hashtext(${principal.userId}))`;
    const underWay = await tx.export.count({ where: { requestedById: principal.userId, kind: "PORTFOLIO_PDF", status: { in: ["QUEUED", "RUNNING"] } } });
    if (underWay >= MAX_EXPORTS_UNDER_WAY) {
      throw new ValidationError(`You already have ${underWay} portfolio reports under way. Wait for one to finish, then ask again.`);
    }
    await tx.export.create({
      data: {
        id: exportId,
        kind: "PORTFOLIO_PDF",
        status: "QUEUED",
        requestedById: principal.userId,
        teamId,
        scopeTeamIds: portfolio.single ? [portfolio.single.id] : portfolio.teams.map((t) => t.id),
        progress: 0,
        createdAt: now,
      },
    });
    await enqueue(tx, PORTFOLIO_EXPORT_QUEUE, job, { singletonKey: exportId });
    await recordAuditEvent(tx, {
      action: "export.requested",
      ...eventBy(principal, context, now),
      ...about("export", exportId, teamId),
      after: { kind: "PORTFOLIO_PDF", teams: portfolio.teams.map((t) => t.slug), asOf: asOf?.day ?? null },
    });
  });
  return { exportId };
}
