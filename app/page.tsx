import { Card, CardHeader, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ScoreBadge } from "@/components/ui/score";
import { Heatmap } from "@/components/portfolio/heatmap";
import { WeakestFactors } from "@/components/portfolio/weakest-factors";
import { countOpenFindings } from "@/lib/data/count-open-findings";
import { listServiceSummaries } from "@/lib/data/list-service-summaries";
import { requirePrincipal } from "@/lib/auth/current";

export default async function DashboardPage() {
  const principal = await requirePrincipal();
  const [services, findings] = await Promise.all([listServiceSummaries(principal), countOpenFindings(principal)]);
  const assessed = services.filter((s) => s.latestScore !== null);
  const portfolioScore = assessed.length
    ? Math.round((assessed.reduce((sum, s) => sum + (s.latestScore ?? 0), 0) / assessed.length) * 10) / 10
    : null;

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="How every service follows the security addendum to the Twelve-Factor App, from each one's latest approved assessment."
      />
      {services.length === 0 ? (
        <EmptyState title="No services yet">
          Services of the teams you belong to appear here. Ask an administrator to add you to a team, or add a service to one.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Stat label="Portfolio score" value={<ScoreBadge score={portfolioScore} />} detail="Mean of the services' latest scores" />
            <Stat
              label="Services assessed"
              value={`${assessed.length} of ${services.length}`}
              detail={services.length > assessed.length ? `${services.length - assessed.length} never assessed` : "All assessed"}
            />
            <Stat
              label="Open findings"
              value={findings.total}
              detail={`${findings.bySeverity.critical} critical · ${findings.bySeverity.high} high`}
            />
            <Stat label="Overdue findings" value={findings.overdue} detail="Past their remediation due date" />
          </div>
          <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
            <Card>
              <CardHeader title="Factor heatmap" description="Latest score per service and factor, out of 100." />
              <div className="py-2">
                <Heatmap services={services} />
              </div>
            </Card>
            <Card className="self-start">
              <CardHeader title="Weakest factors" description="Mean latest score across assessed services." />
              <WeakestFactors services={assessed} />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
