"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { FindingsTrendChart, ScoreTrendChart } from "@/components/charts/lazy-charts";
import { useSeries } from "@/components/charts/use-series";
import { Card, CardHeader } from "@/components/ui/card";
import { TrendsLoading, TrendsUnavailable } from "@/components/charts/trend-states";
import { formatDay } from "@/components/ui/format";
import type { ServiceTrend } from "@/lib/data/reports/service-report";
import { findingFilterQuery } from "@/lib/findings/filter";
import { severities, type Severity } from "@/lib/vocabulary/levels";

/**
 * A service's score and unresolved findings at each approval. The history
 * comes from /series/service-trend after the page is on screen, so the report
 * never waits for five years of it.
 */
export function ServiceTrendCards({ slug, teamSlug }: { slug: string; teamSlug: string }) {
  const state = useSeries<ServiceTrend>(`/series/service-trend?service=${encodeURIComponent(slug)}&team=${encodeURIComponent(teamSlug)}`);
  if (state.kind === "loading") return <TrendsLoading />;
  if (state.kind === "failed" || state.data.scores.length === 0) return <TrendsUnavailable failed={state.kind === "failed"} />;
  const { scores, unresolved } = state.data;
  // The findings behind a point: this service's, not yet resolved as that day ended (of one severity, or all).
  const onDay = (day: string, severity?: Severity) =>
    `/findings${findingFilterQuery({ team: teamSlug, service: slug, severity, status: "all", unresolvedOn: day })}`;
  const total = (u: (typeof unresolved)[number]) => u.critical + u.high + u.medium + u.low;
  const first = scores[0]!;
  const last = scores.at(-1)!;
  const now = unresolved.at(-1);
  return (
    <>
      <Card>
        <CardHeader title="Score over time" description="The overall score of each completed assessment." />
        <ChartFigure
          title="Score of each completed assessment"
          summary={`From ${first.score ?? "no score"} on ${formatDay(first.approvedOn)} to ${last.score ?? "no score"} on ${formatDay(last.approvedOn)}.`}
          chart={<ScoreTrendChart points={scores.map((s) => ({ ...s, href: `/assessments/${s.assessmentId}` }))} xKey="approvedOn" axis="day" linkKey="href" />}
          columns={["Approved", "Score"]}
          rows={scores.map((s) => [
            { text: formatDay(s.approvedOn), href: `/assessments/${s.assessmentId}`, label: `The assessment approved ${formatDay(s.approvedOn)}` },
            s.score,
          ])}
        />
      </Card>
      <Card>
        <CardHeader title="Unresolved findings over time" description="By severity, as each assessment was approved." />
        <ChartFigure
          title="Unresolved findings by severity at each approval"
          summary={`${now ? total(now) : 0} unresolved after the latest approval.`}
          chart={<FindingsTrendChart points={unresolved.map((u) => ({ ...u, href: onDay(u.approvedOn) }))} xKey="approvedOn" axis="day" linkKey="href" />}
          columns={["Approved", "Critical", "High", "Medium", "Low"]}
          rows={unresolved.map((u) => [
            { text: formatDay(u.approvedOn), href: onDay(u.approvedOn), label: `${total(u)} unresolved as ${formatDay(u.approvedOn)} ended` },
            ...severities.values.map((level) => ({
              text: u[level],
              href: onDay(u.approvedOn, level),
              label: `${u[level]} ${level} unresolved as ${formatDay(u.approvedOn)} ended`,
            })),
          ])}
        />
      </Card>
    </>
  );
}
