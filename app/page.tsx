import Link from "next/link";
import { Suspense } from "react";
import { DriftedList } from "@/components/services/drifted-list";
import { listOpenDrifts } from "@/lib/data/services/drift";
import { listStaleEvidence } from "@/lib/data/services/stale-evidence";
import { openFindingsAsOf, serviceScoresAsOf } from "@/lib/data/reports/as-of";
import { parseAsOf } from "@/lib/posture/as-of";
import { AsOfForm } from "@/components/portfolio/as-of-form";
import { z } from "zod";
import { AssessmentGaps } from "@/components/portfolio/assessment-gaps";
import { PeriodComparison } from "@/components/portfolio/period-comparison";
import { TrendCards } from "@/components/portfolio/trend-cards";
import { Card, CardHeader, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ScoreBadge } from "@/components/ui/score";
import { PortfolioExportButton } from "@/components/exports/portfolio-export-button";
import { Heatmap } from "@/components/portfolio/heatmap";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { WeakestFactors } from "@/components/portfolio/weakest-factors";
import { countOpenFindings } from "@/lib/data/findings/count-open-findings";
import { listServiceScores, type ServiceScores } from "@/lib/data/services/list-service-summaries";
import { requirePrincipal } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { listVisibleTeams } from "@/lib/data/teams/list-visible-teams";
import { TrendScope } from "@/components/portfolio/trend-scope";
import { defaultPeriods, type Period } from "@/lib/data/reports/compare-periods";
import { meanScore } from "@/lib/scoring/mean";
import { SECTIONS } from "@/lib/navigation";
import { FINDING_FIGURES, findingFilterQuery } from "@/lib/findings/filter";

const day = z.iso.date();
/** The heatmap shows where to look first; the services page lists them all. */
const HEATMAP_ROWS = 30;

const weakestFirst = (services: ServiceScores[]) => [...services].sort((a, b) => (a.latestScore ?? 0) - (b.latestScore ?? 0) || a.name.localeCompare(b.name));
/** Two periods from the address bar, or this quarter against the last. */
function periodsFrom(params: Record<string, string | string[] | undefined>): [Period, Period] {
  const read = (key: string) => {
    const value = params[key];
    const parsed = day.safeParse(Array.isArray(value) ? value[0] : value);
    return parsed.success ? parsed.data : null;
  };
  const [aFrom, aTo, bFrom, bTo] = ["aFrom", "aTo", "bFrom", "bTo"].map(read);
  if (aFrom && aTo && bFrom && bTo && aFrom <= aTo && bFrom <= bTo)
    return [
      { from: aFrom, to: aTo },
      { from: bFrom, to: bTo },
    ];
  // Ordered so the later period shows second; a swap keeps "change" meaning "since".
  const [last, current] = defaultPeriods();
  return [last, current];
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  const params = await searchParams;
  const periods = periodsFrom(params);
  // As of an audit period's end: each service's latest approval by then, and the findings' state then, from history.
  const today = new Date();
  const { asOf, error: asOfError } = parseAsOf(Array.isArray(params.asOf) ? params.asOf[0] : params.asOf, today);
  const [services, findings, teams, stale, drifts] = await Promise.all([
    asOf ? serviceScoresAsOf(principal, asOf) : listServiceScores(principal),
    asOf ? openFindingsAsOf(principal, asOf) : countOpenFindings(principal),
    listVisibleTeams(principal),
    asOf ? null : listStaleEvidence(principal),
    asOf ? null : listOpenDrifts(principal),
  ]);
  // A figure links to its list only for today: the lists show things as they are now.
  const linked = (href: string) => (asOf ? undefined : href);
  const wanted = Array.isArray(params.team) ? params.team[0] : params.team;
  const trendTeam = teams.find((t) => t.slug === wanted);
  const assessed = services.filter((s) => s.latestScore !== null);
  const portfolioScore = meanScore(assessed.map((s) => s.latestScore!));

  return (
    <>
      <PageHeader
        title={SECTIONS.dashboard.title}
        description={
          asOf
            ? `As at the end of ${asOf.day} (UTC): each service's latest assessment approved by then, and the findings being worked on then, from their history. The trends below run to today.`
            : "How every service follows the security addendum to the Twelve-Factor App, from each one's latest approved assessment."
        }
      >
        <AsOfForm day={asOf?.day ?? null} error={asOfError} today={today.toISOString().slice(0, 10)} />
        {teams.some((t) => can(principal, "export.create", { teamId: t.id })) ? (
          <PortfolioExportButton teamSlug={trendTeam?.slug} teamName={trendTeam?.name} asOf={asOf?.day} />
        ) : null}
      </PageHeader>
      {services.length === 0 ? (
        <EmptyState title="No services yet">
          Services of the teams you belong to appear here. Ask an administrator to add you to a team, or add a service to one.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <div className={`grid gap-4 sm:grid-cols-2 ${stale ? "lg:grid-cols-3" : "lg:grid-cols-4"}`}>
            <Stat label="Portfolio score" value={<ScoreBadge score={portfolioScore} />} detail="Mean of the services' latest scores" />
            <Stat
              label="Services assessed"
              href={linked("/services")}
              value={`${assessed.length} of ${services.length}`}
              detail={services.length > assessed.length ? `${services.length - assessed.length} never assessed` : "All assessed"}
            />
            <Stat
              label={FINDING_FIGURES.open.label}
              definition={FINDING_FIGURES.open.definition}
              href={linked(`/findings${findingFilterQuery(FINDING_FIGURES.open.view)}`)}
              value={findings.total}
              detail={`${findings.bySeverity.critical} critical · ${findings.bySeverity.high} high`}
            />
            <Stat
              label={FINDING_FIGURES.overdue.label}
              definition={FINDING_FIGURES.overdue.definition}
              href={linked(`/findings${findingFilterQuery(FINDING_FIGURES.overdue.view)}`)}
              value={findings.overdue}
              detail="Past their remediation due date"
            />
            {stale ? (
              <Stat
                label="Stale evidence"
                value={stale.length}
                detail={
                  stale.length
                    ? `Answers on ${new Set(stale.map((s) => s.serviceId)).size} services whose evidence ran out: they need re-attestation`
                    : "Every standing answer's evidence is in date"
                }
              />
            ) : null}
            {drifts ? (
              <Stat
                label="Drifted answers"
                value={drifts.length}
                detail={
                  drifts.length
                    ? `Approved answers on ${new Set(drifts.map((d) => d.serviceId)).size} services that new evidence contradicts`
                    : "All evidence agrees with the approved answers"
                }
              />
            ) : null}
          </div>
          {drifts?.length ? <DriftedList drifts={drifts} /> : null}
          <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
            <Card>
              <CardHeader
                title="Factor heatmap"
                description={
                  assessed.length > HEATMAP_ROWS
                    ? `The ${HEATMAP_ROWS} lowest-scoring of ${assessed.length} assessed services, by factor, out of 100.`
                    : "Latest score per service and factor, out of 100, lowest first."
                }
              />
              <div className="py-2">
                <Heatmap services={weakestFirst(assessed).slice(0, HEATMAP_ROWS)} />
              </div>
              {assessed.length > HEATMAP_ROWS ? (
                <p className="border-t border-line px-5 py-3 text-sm">
                  <Link href="/services" className="font-medium text-link hover:underline">
                    All {services.length} services, with filters
                  </Link>
                </p>
              ) : null}
            </Card>
            <Card className="self-start">
              <CardHeader title="Weakest factors" description="Mean latest score across assessed services." />
              <WeakestFactors services={assessed} />
            </Card>
          </div>
          <TrendScope teams={teams} current={trendTeam?.slug} />
          <div className="grid gap-6 lg:grid-cols-2">
            <TrendCards team={trendTeam ? { slug: trendTeam.slug, name: trendTeam.name } : undefined} />
          </div>
          <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
            <Suspense fallback={<ChartSkeleton title="Period comparison" />}>
              <PeriodComparison principal={principal} periods={periods} />
            </Suspense>
            <Suspense fallback={<ChartSkeleton title="Due for assessment" />}>
              <AssessmentGaps principal={principal} />
            </Suspense>
          </div>
        </div>
      )}
    </>
  );
}
