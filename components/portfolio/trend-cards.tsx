"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { useSeries } from "@/components/charts/use-series";
import { FindingsTrendChart, ScoreTrendChart } from "@/components/charts/lazy-charts";
import { Card, CardHeader } from "@/components/ui/card";
import { TrendsLoading, TrendsUnavailable } from "@/components/charts/trend-states";
import { findingsSummary, monthLabel, scoreSummary, type TrendPoint } from "@/lib/posture/trend-summary";

/**
 * Portfolio score and unresolved findings over the last 18 months. The series
 * comes from /series/portfolio-trend after the page is on screen, so the
 * dashboard never waits for it.
 */
export function TrendCards({ team }: { team?: { slug: string; name: string } }) {
  const state = useSeries<{ points: TrendPoint[] }>(`/series/portfolio-trend${team ? `?team=${encodeURIComponent(team.slug)}` : ""}`);

  if (state.kind === "loading") return <TrendsLoading />;
  if (state.kind === "failed" || !state.data.points.some((p) => p.score !== null)) return <TrendsUnavailable failed={state.kind === "failed"} />;
  const points = state.data.points;
  const whose = team ? `the ${team.name} team's assessed services` : "the assessed services";
  return (
    <>
      <Card>
        <CardHeader title="Score over time" description={`Mean latest score of ${whose}, as each month ended.`} />
        <ChartFigure
          title="Portfolio score by month"
          summary={scoreSummary(points)}
          chart={<ScoreTrendChart points={points as unknown as Record<string, unknown>[]} />}
          columns={["Month", "Score", "Services assessed"]}
          rows={points.map((p) => [monthLabel(p.month), p.score, p.assessed])}
        />
      </Card>
      <Card>
        <CardHeader title="Unresolved findings over time" description={`By severity, as each month ended${team ? `, for ${team.name}` : ""}.`} />
        <ChartFigure
          title="Unresolved findings by severity and month"
          summary={findingsSummary(points)}
          chart={<FindingsTrendChart points={points as unknown as Record<string, unknown>[]} />}
          columns={["Month", "Critical", "High", "Medium", "Low"]}
          rows={points.map((p) => [monthLabel(p.month), p.critical, p.high, p.medium, p.low])}
        />
      </Card>
    </>
  );
}
