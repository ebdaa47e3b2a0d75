"use client";

import { useEffect, useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { FindingsTrendChart, ScoreTrendChart } from "@/components/charts/lazy-charts";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { findingsSummary, monthLabel, scoreSummary, type TrendPoint } from "@/lib/reports/trend-summary";

type State = { kind: "loading" } | { kind: "failed" } | { kind: "ready"; points: TrendPoint[] };
const LOADING: State = { kind: "loading" };

/**
 * Portfolio score and unresolved findings over the last 18 months. The series
 * comes from /series/portfolio-trend after the page is on screen, so the
 * dashboard never waits for it.
 */
export function TrendCards({ team }: { team?: { slug: string; name: string } }) {
  const slug = team?.slug;
  // What arrived, and for which team: a series for another team reads as loading.
  const [arrived, setArrived] = useState<{ slug?: string; state: State } | null>(null);
  const state = arrived && arrived.slug === slug ? arrived.state : LOADING;
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/series/portfolio-trend${slug ? `?team=${encodeURIComponent(slug)}` : ""}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ points: TrendPoint[] }>) : Promise.reject(new Error(String(response.status)))))
      .then((body) => setArrived({ slug, state: { kind: "ready", points: body.points } }))
      .catch(() => {
        if (!controller.signal.aborted) setArrived({ slug, state: { kind: "failed" } });
      });
    return () => controller.abort();
  }, [slug]);

  if (state.kind === "loading") {
    return (
      <>
        <ChartSkeleton title="Score over time" />
        <ChartSkeleton title="Unresolved findings over time" />
      </>
    );
  }
  if (state.kind === "failed" || !state.points.some((p) => p.score !== null)) {
    return (
      <Card className="lg:col-span-2">
        <CardHeader title="Trends" />
        <div className="p-5">
          {state.kind === "failed" ? (
            <EmptyState title="Trends did not load">Reload the page to try again; everything else on it is current.</EmptyState>
          ) : (
            <EmptyState title="No history yet">Trends appear once a lead approves the first assessment.</EmptyState>
          )}
        </div>
      </Card>
    );
  }
  const points = state.points;
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
