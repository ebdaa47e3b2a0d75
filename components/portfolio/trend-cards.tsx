import { ChartFigure } from "@/components/charts/chart-figure";
import { FindingsTrendChart, ScoreTrendChart } from "@/components/charts/trend-charts";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import type { Principal } from "@/lib/auth/policy";
import { getPortfolioTrend } from "@/lib/data/reports/portfolio-trend";

const month = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** Portfolio score and unresolved findings over the last 18 months. */
export async function TrendCards({ principal, team }: { principal: Principal; team?: { slug: string; name: string } }) {
  const trend = await getPortfolioTrend(principal, { months: 18, teamSlug: team?.slug });
  const whose = team ? team.name : "the assessed services";
  const withData = trend.filter((p) => p.score !== null);
  if (withData.length === 0) {
    return (
      <Card className="lg:col-span-2">
        <CardHeader title="Trends" />
        <div className="p-5"><EmptyState title="No history yet">Trends appear once a lead approves the first assessment.</EmptyState></div>
      </Card>
    );
  }
  const first = withData[0]!;
  const last = trend.at(-1)!;
  const change = last.score !== null && first.score !== null ? Math.round((last.score - first.score) * 10) / 10 : null;
  const unresolved = (p: (typeof trend)[number]) => p.critical + p.high + p.medium + p.low;
  return (
    <>
      <Card>
        <CardHeader title="Score over time" description={`Mean latest score of ${team ? `the ${whose} team's assessed services` : whose}, as each month ended.`} />
        <ChartFigure
          title="Portfolio score by month"
          summary={`${last.score ?? "No score"} now${change === null ? "" : `, ${change >= 0 ? "up" : "down"} ${Math.abs(change)} since ${month(first.month)}`}.`}
          chart={<ScoreTrendChart points={trend as unknown as Record<string, unknown>[]} />}
          columns={["Month", "Score", "Services assessed"]}
          rows={trend.map((p) => [month(p.month), p.score, p.assessed])}
        />
      </Card>
      <Card>
        <CardHeader title="Unresolved findings over time" description={`By severity, as each month ended${team ? `, for ${team.name}` : ""}.`} />
        <ChartFigure
          title="Unresolved findings by severity and month"
          summary={`${unresolved(last)} unresolved now (${last.critical} critical), against ${unresolved(trend[0]!)} in ${month(trend[0]!.month)}.`}
          chart={<FindingsTrendChart points={trend as unknown as Record<string, unknown>[]} />}
          columns={["Month", "Critical", "High", "Medium", "Low"]}
          rows={trend.map((p) => [month(p.month), p.critical, p.high, p.medium, p.low])}
        />
      </Card>
    </>
  );
}
