import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import type { Principal } from "../../auth/policy";
import { FACTOR_NAMES } from "../../checklist/factor-names";
import { PortfolioReport, type PortfolioReportData } from "../../exports/portfolio-report";
import type { AsOf } from "../../posture/as-of";
import { meanScore } from "../../scoring/mean";
import { severities } from "../../vocabulary/levels";
import { serviceScoresAsOf, unresolvedFindingsAsOf } from "../reports/as-of";
import { getPortfolioTrend } from "../reports/portfolio-trend";
import { reportBody, type PortfolioScope } from "./export-portfolio-pdf";

/**
 * The portfolio report as an audit period's end saw it: each service's latest
 * approval by the end of the day, the findings not resolved then as their
 * history says they stood, and the trend up to that month. Laid out by the same
 * document as today's, with the day in its title and file name.
 */
export async function renderAsOf(
  principal: Principal,
  portfolio: PortfolioScope,
  document: { exportId: string; origin: string },
  now: Date,
  onProgress: (percent: number) => Promise<void>,
  asOf: AsOf,
): Promise<{ bytes: Buffer; fileName: string; detail: Record<string, unknown> }> {
  const { teams, single, restricted } = portfolio;
  const teamSlugs = new Set(teams.map((t) => t.slug));
  const [all, findings, trend] = await Promise.all([
    serviceScoresAsOf(restricted, asOf),
    unresolvedFindingsAsOf(
      restricted,
      asOf,
      teams.map((t) => t.id),
    ),
    getPortfolioTrend(restricted, { months: 12, teamSlug: single?.slug, now: new Date(asOf.cutoff.getTime() - 1) }),
  ]);
  await onProgress(30);
  const services = all.filter((s) => teamSlugs.has(s.team.slug));
  const assessed = services.filter((s) => s.latestScore !== null);
  const working = findings.filter((f) => f.status === "open" || f.status === "in_progress");
  const open = severities.count();
  for (const f of working) if (severities.is(f.severity)) open[f.severity]++;
  const body = reportBody(portfolio, services, findings, trend);
  const data: PortfolioReportData = {
    ...body,
    exportId: document.exportId,
    generatedAt: now,
    exportedBy: `${principal.name} <${principal.email}>`,
    verifyUrl: `${document.origin}/verify`,
    scope: `${body.scope} · as of ${asOf.day}`,
    factorNames: FACTOR_NAMES,
    summary: {
      score: meanScore(assessed.map((s) => s.latestScore!)),
      services: services.length,
      assessed: assessed.length,
      open,
      overdue: working.filter((f) => f.dueDate !== null && f.dueDate < asOf.cutoff).length,
    },
  };
  const bytes = await renderToBuffer(createElement(PortfolioReport, { data }) as Parameters<typeof renderToBuffer>[0]);
  await onProgress(90);
  return {
    bytes,
    fileName: `twelvefold-portfolio-${single?.slug ?? "all"}-as-of-${asOf.day}.pdf`,
    detail: { teams: teams.map((t) => t.slug), services: services.length, asOf: asOf.day },
  };
}
