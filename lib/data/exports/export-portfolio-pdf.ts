import "server-only";
import { randomUUID } from "node:crypto";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { can, readScope, type Principal } from "../../auth/policy";
import { FACTOR_NAMES } from "../../checklist/factor-names";
import { getPrisma } from "../../db/prisma";
import { PortfolioReport, type PortfolioReportData } from "../../exports/portfolio-report";
import { countOpenFindings } from "../count-open-findings";
import { ForbiddenError, NotFoundError } from "../errors";
import { listServiceSummaries } from "../list-service-summaries";
import { getPortfolioTrend } from "../reports/portfolio-trend";
import { recordExport, type RecordedExport } from "./record-export";

/**
 * The portfolio report for one team, or every team the principal may export:
 * summary, heatmap, trends, and a page per service. Recorded like every export.
 */
export async function exportPortfolioPdf(
  principal: Principal,
  input: { teamSlug?: string },
  context: { origin: string; ipAddress: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<RecordedExport> {
  const prisma = getPrisma();
  const scope = readScope(principal, now);
  const visible = await prisma.team.findMany({
    where: { ...(scope.kind === "org" ? {} : { id: { in: [...scope.teamIds] } }), ...(input.teamSlug ? { slug: input.teamSlug } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
  if (input.teamSlug && visible.length === 0) throw new NotFoundError();
  const teams = visible.filter((t) => can(principal, "export.create", { teamId: t.id }, now));
  if (teams.length === 0) throw new ForbiddenError();
  // Only the teams the principal may export; a lead who also reviews elsewhere exports their own teams.
  const restricted: Principal = scope.kind === "org" ? principal : { ...principal, memberships: principal.memberships.filter((m) => teams.some((t) => t.id === m.teamId)) };
  const single = input.teamSlug ? teams[0] : undefined;
  const [services, counts, trend, findings] = await Promise.all([
    listServiceSummaries(restricted, { teamSlug: single?.slug }),
    countOpenFindings(restricted, now),
    getPortfolioTrend(restricted, { months: 12, teamSlug: single?.slug, now }),
    prisma.finding.findMany({
      where: { status: { in: ["OPEN", "IN_PROGRESS", "RISK_ACCEPTED"] }, service: { archivedAt: null, teamId: { in: teams.map((t) => t.id) } } },
      orderBy: [{ severity: "asc" }, { dueDate: "asc" }],
      select: { serviceId: true, itemId: true, title: true, severity: true, status: true, dueDate: true, owner: { select: { name: true } } },
    }),
  ]);
  const assessed = services.filter((svc) => svc.latestScore !== null);
  const exportId = randomUUID();
  const data: PortfolioReportData = {
    exportId,
    generatedAt: now,
    exportedBy: `${principal.name} <${principal.email}>`,
    verifyUrl: `${context.origin}/verify`,
    scope: single ? `Team ${single.name}` : teams.length === 1 ? `Team ${teams[0]!.name}` : `${teams.length} teams: ${teams.map((t) => t.name).join(", ")}`,
    factorNames: FACTOR_NAMES,
    summary: {
      score: assessed.length ? Math.round((assessed.reduce((sum, svc) => sum + (svc.latestScore ?? 0), 0) / assessed.length) * 10) / 10 : null,
      services: services.length,
      assessed: assessed.length,
      open: counts.bySeverity,
      overdue: counts.overdue,
    },
    trend: trend.map((t) => ({ month: t.month, score: t.score, unresolved: t.critical + t.high + t.medium + t.low })),
    services: services.map((svc) => ({
      name: svc.name,
      team: svc.team.name,
      criticality: svc.criticality,
      latestScore: svc.latestScore,
      lastAssessedAt: svc.lastAssessedAt,
      factorScores: svc.factorScores,
      openFindings: findings
        .filter((f) => f.serviceId === svc.id)
        .map((f) => ({ itemId: f.itemId, title: f.title, severity: f.severity.toLowerCase(), status: f.status.toLowerCase(), dueDate: f.dueDate, owner: f.owner?.name ?? null })),
    })),
  };
  const bytes = await renderToBuffer(createElement(PortfolioReport, { data }) as Parameters<typeof renderToBuffer>[0]);
  const fileName = `twelvefold-portfolio-${single?.slug ?? "all"}-${now.toISOString().slice(0, 10)}.pdf`;
  return recordExport(
    principal,
    { kind: "PORTFOLIO_PDF", exportId, fileName, bytes, teamId: single?.id ?? (teams.length === 1 ? teams[0]!.id : null), keepContent: true, detail: { teams: teams.map((t) => t.slug) } },
    context,
    now,
  );
}
