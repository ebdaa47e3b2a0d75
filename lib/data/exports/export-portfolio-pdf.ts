import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { can, readScope, type Principal } from "../../auth/policy";
import { FACTOR_NAMES } from "../../checklist/factor-names";
import { getPrisma } from "../../db/prisma";
import { PortfolioReport, type PortfolioReportData } from "../../exports/portfolio-report";
import { countOpenFindings } from "../findings/count-open-findings";
import { ForbiddenError, NotFoundError } from "../errors";
import { listServiceSummaries, type ServiceScores } from "../services/list-service-summaries";
import { getPortfolioTrend } from "../reports/portfolio-trend";
import { meanScore } from "../../scoring/mean";
import type { AsOf } from "../../posture/as-of";
import { renderAsOf } from "./export-portfolio-as-of";

export interface PortfolioScope {
  teams: { id: string; slug: string; name: string }[];
  /** The team asked for by slug, if one was. */
  single?: { id: string; slug: string; name: string };
  /** The principal narrowed to the teams it may export. */
  restricted: Principal;
}

/**
 * The teams a portfolio export covers: the one asked for, or every team the
 * principal may export. Refused when there is none (checked when the export is
 * asked for, and again when it runs, with the roles the user has by then).
 */
export async function portfolioExportScope(principal: Principal, teamSlug: string | null | undefined, now: Date = new Date()): Promise<PortfolioScope> {
  const scope = readScope(principal, now);
  const visible = await getPrisma().team.findMany({
    where: { ...(scope.kind === "org" ? {} : { id: { in: [...scope.teamIds] } }), ...(teamSlug ? { slug: teamSlug } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
  if (teamSlug && visible.length === 0) throw new NotFoundError();
  const teams = visible.filter((t) => can(principal, "export.create", { teamId: t.id }, now));
  if (teams.length === 0) throw new ForbiddenError();
  // Only the teams the principal may export; a lead who also reviews elsewhere exports their own teams.
  const restricted: Principal =
    scope.kind === "org" ? principal : { ...principal, memberships: principal.memberships.filter((m) => teams.some((t) => t.id === m.teamId)) };
  return { teams, single: teamSlug ? teams[0] : undefined, restricted };
}

/** The team an export of this scope is filed under: the single team, or none for several. */
export function portfolioTeamId(scope: PortfolioScope): string | null {
  return scope.single?.id ?? (scope.teams.length === 1 ? scope.teams[0]!.id : null);
}

type ReportFinding = PortfolioReportData["services"][number]["openFindings"][number] & { serviceId: string };

/**
 * What a portfolio report says besides its summary, however its figures were
 * read (today's, or as of a day): whom it covers, the trend, a page per service
 * with its unresolved findings. Shared by today's report and the as-of one.
 */
export function reportBody(
  portfolio: PortfolioScope,
  services: ServiceScores[],
  findings: ReportFinding[],
  trend: { month: string; score: number | null; critical: number; high: number; medium: number; low: number }[],
): Pick<PortfolioReportData, "scope" | "trend" | "services"> {
  const { teams, single } = portfolio;
  return {
    scope: single ? `Team ${single.name}` : teams.length === 1 ? `Team ${teams[0]!.name}` : `${teams.length} teams: ${teams.map((t) => t.name).join(", ")}`,
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
        .map((f) => ({ itemId: f.itemId, title: f.title, severity: f.severity, status: f.status, dueDate: f.dueDate, owner: f.owner })),
    })),
  };
}

/**
 * The portfolio report for a scope: summary, heatmap, trends, and a page per
 * service. `onProgress` hears each stage (a share of the work done, 0-100).
 */
export async function renderPortfolioPdf(
  principal: Principal,
  portfolio: PortfolioScope,
  document: { exportId: string; origin: string },
  now: Date = new Date(),
  onProgress: (percent: number) => Promise<void> = async () => {},
  asOf: AsOf | null = null,
): Promise<{ bytes: Buffer; fileName: string; detail: Record<string, unknown> }> {
  const { teams, single, restricted } = portfolio;
  if (asOf) return renderAsOf(principal, portfolio, document, now, onProgress, asOf);
  const [services, counts, trend, findings] = await Promise.all([
    listServiceSummaries(restricted, { teamSlug: single?.slug }),
    countOpenFindings(restricted, now),
    getPortfolioTrend(restricted, { months: 12, teamSlug: single?.slug, now }),
    getPrisma().finding.findMany({
      where: { status: { not: "RESOLVED" }, service: { archivedAt: null, teamId: { in: teams.map((t) => t.id) } } },
      orderBy: [{ severity: "asc" }, { dueDate: "asc" }],
      select: { serviceId: true, itemId: true, title: true, severity: true, status: true, dueDate: true, owner: { select: { name: true } } },
    }),
  ]);
  await onProgress(30);
  const assessed = services.filter((svc) => svc.latestScore !== null);
  const body = reportBody(
    portfolio,
    services,
    findings.map((f) => ({
      serviceId: f.serviceId,
      itemId: f.itemId,
      title: f.title,
      severity: f.severity.toLowerCase(),
      status: f.status.toLowerCase(),
      dueDate: f.dueDate,
      owner: f.owner?.name ?? null,
    })),
    trend,
  );
  const data: PortfolioReportData = {
    ...body,
    exportId: document.exportId,
    generatedAt: now,
    exportedBy: `${principal.name} <${principal.email}>`,
    verifyUrl: `${document.origin}/verify`,
    factorNames: FACTOR_NAMES,
    summary: {
      score: meanScore(assessed.map((svc) => svc.latestScore!)),
      services: services.length,
      assessed: assessed.length,
      open: counts.bySeverity,
      overdue: counts.overdue,
    },
  };
  const bytes = await renderToBuffer(createElement(PortfolioReport, { data }) as Parameters<typeof renderToBuffer>[0]);
  await onProgress(90);
  return {
    bytes,
    fileName: `twelvefold-portfolio-${single?.slug ?? "all"}-${now.toISOString().slice(0, 10)}.pdf`,
    detail: { teams: teams.map((t) => t.slug), services: services.length },
  };
}
