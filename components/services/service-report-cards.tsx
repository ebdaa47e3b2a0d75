import { Stat } from "@/components/ui/card";
import { ScoreBadge } from "@/components/ui/score";
import type { Principal } from "@/lib/auth/policy";
import { getServiceFigures } from "@/lib/data/reports/service-report";
import { ServiceTrendCards } from "./service-trend-cards";
import { scoreChange, signedChange } from "@/lib/scoring/mean";
import type { AsOf } from "@/lib/posture/as-of";

/** A service's report: where it stands, how it moved, how fast it fixes things. */
export async function ServiceReportCards({
  principal,
  service,
  asOf = null,
}: {
  principal: Principal;
  service: { id: string; slug: string; team: { slug: string } };
  asOf?: AsOf | null;
}) {
  const figures = await getServiceFigures(principal, { id: service.id }, new Date(), asOf);
  const change = figures.change ? scoreChange(figures.change.before, figures.change.after) : null;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Latest score"
          value={<ScoreBadge score={figures.latestScore} />}
          detail={figures.completedCount ? `${figures.completedCount} completed assessment${figures.completedCount === 1 ? "" : "s"}` : "Not assessed yet"}
        />
        <Stat label="Since the previous assessment" value={signedChange(change)} detail="Change in the overall score" />
        <Stat
          label="Mean time to remediate"
          value={figures.meanDaysToRemediate === null ? "—" : `${figures.meanDaysToRemediate} d`}
          detail={`Over ${figures.resolvedCount} resolved finding${figures.resolvedCount === 1 ? "" : "s"}`}
        />
        <Stat label="Overdue findings" value={figures.overdue} detail={asOf ? `Open past their due date, as ${asOf.day} ended` : "Open past their due date"} />
      </div>
      {figures.completedCount ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <ServiceTrendCards slug={service.slug} teamSlug={service.team.slug} />
        </div>
      ) : null}
    </div>
  );
}
