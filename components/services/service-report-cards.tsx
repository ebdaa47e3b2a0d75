import { ChartFigure } from "@/components/charts/chart-figure";
import { FindingsTrendChart, ScoreTrendChart } from "@/components/charts/lazy-charts";
import { Card, CardHeader, Stat } from "@/components/ui/card";
import { formatDay } from "@/components/ui/format";
import { ScoreBadge } from "@/components/ui/score";
import type { Principal } from "@/lib/auth/policy";
import { getServiceReport } from "@/lib/data/reports/service-report";


/** A service's report: where it stands, how it moved, how fast it fixes things. */
export async function ServiceReportCards({ principal, serviceId }: { principal: Principal; serviceId: string }) {
  const report = await getServiceReport(principal, serviceId);
  const change = report.change && report.change.before !== null && report.change.after !== null ? Math.round((report.change.after - report.change.before) * 10) / 10 : null;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Latest score" value={<ScoreBadge score={report.scores.at(-1)?.score ?? null} />} detail={report.scores.length ? `${report.scores.length} completed assessments` : "Not assessed yet"} />
        <Stat label="Since the previous assessment" value={change === null ? "—" : change > 0 ? `+${change}` : String(change)} detail="Change in the overall score" />
        <Stat label="Mean time to remediate" value={report.meanDaysToRemediate === null ? "—" : `${report.meanDaysToRemediate} d`} detail={`Over ${report.resolvedCount} resolved findings`} />
        <Stat label="Overdue findings" value={report.overdue} detail="Open past their due date" />
      </div>
      {report.scores.length ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Score over time" description="The overall score of each completed assessment." />
            <ChartFigure
              title="Score of each completed assessment"
              summary={`From ${report.scores[0]!.score ?? "no score"} on ${formatDay(report.scores[0]!.approvedOn)} to ${report.scores.at(-1)!.score ?? "no score"} on ${formatDay(report.scores.at(-1)!.approvedOn)}.`}
              chart={<ScoreTrendChart points={report.scores as unknown as Record<string, unknown>[]} xKey="approvedOn" axis="day" />}
              columns={["Approved", "Score"]}
              rows={report.scores.map((s) => [formatDay(s.approvedOn), s.score])}
            />
          </Card>
          <Card>
            <CardHeader title="Unresolved findings over time" description="By severity, as each assessment was approved." />
            <ChartFigure
              title="Unresolved findings by severity at each approval"
              summary={`${(() => {
                const last = report.unresolved.at(-1)!;
                return last.critical + last.high + last.medium + last.low;
              })()} unresolved after the latest approval.`}
              chart={<FindingsTrendChart points={report.unresolved as unknown as Record<string, unknown>[]} xKey="approvedOn" axis="day" />}
              columns={["Approved", "Critical", "High", "Medium", "Low"]}
              rows={report.unresolved.map((u) => [formatDay(u.approvedOn), u.critical, u.high, u.medium, u.low])}
            />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
