import { assessmentStates } from "@/lib/vocabulary/assessments";
import { FINDING_FIGURES } from "@/lib/findings/filter";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/tone";
import { ServiceFindings } from "@/components/services/service-findings";
import { FACTOR_NAMES } from "@/lib/checklist/factor-names";
import { Suspense } from "react";
import { ServiceForm } from "@/components/services/service-form";
import { ServiceReportCards } from "@/components/services/service-report-cards";
import { StartAssessmentButton } from "@/components/services/start-assessment-button";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { ScoreBadge } from "@/components/ui/score";
import { SeverityBadge } from "@/components/ui/severity";
import { requirePrincipal } from "@/lib/auth/current";
import { FactorScores } from "@/components/services/factor-scores";
import { AmbiguousServiceError } from "@/lib/data/services/by-slug";
import { getService } from "@/lib/data/services/get-service";
import { listTeamsForServices } from "@/lib/data/services/manage-services";
import { notFoundOnMissing } from "@/lib/data/not-found";
import { buttonClass } from "@/components/ui/button";
import { PlatformsCard } from "@/components/platforms/platforms-card";
import { DriftCard } from "@/components/services/drift-card";
import { ImportsCard } from "@/components/services/imports-card";
import { StaleEvidenceCard } from "@/components/services/stale-evidence";
import { AsOfForm } from "@/components/portfolio/as-of-form";
import { parseAsOf } from "@/lib/posture/as-of";

export const metadata: Metadata = { title: "Service" };

export default async function ServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requirePrincipal();
  const { slug } = await params;
  const query = await searchParams;
  const team = query.team;
  const today = new Date();
  const { asOf, error: asOfError } = parseAsOf(Array.isArray(query.asOf) ? query.asOf[0] : query.asOf, today);
  const teamSlug = typeof team === "string" && /^[a-z0-9-]{1,48}$/.test(team) ? team : undefined;
  let service;
  try {
    service = await notFoundOnMissing(getService(principal, slug, teamSlug));
  } catch (error) {
    if (!(error instanceof AmbiguousServiceError)) throw error;
    // Slugs are unique within a team: a reader of several teams picks which one is meant.
    return (
      <>
        <PageHeader title="Which service?" description={`Several teams you can read have a service at “${slug}”.`} />
        <Card>
          <ul className="divide-y divide-line-soft">
            {error.teams.map((t) => (
              <li key={t.slug} className="px-5 py-3">
                <Link href={`/services/${slug}?team=${t.slug}`} className="font-medium text-link underline">
                  {t.service}, {t.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </>
    );
  }
  const teams = service.may.edit ? await listTeamsForServices(principal) : [];
  const completed = service.assessments.filter((a) => a.status === "completed");
  return (
    <>
      <div className="mb-8 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-muted">
            <Link href="/services" className="hover:underline">
              Services
            </Link>{" "}
            / {service.team.name}
          </p>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {service.name} <SeverityBadge level={service.criticality} />
          </h1>
          {service.description ? <p className="mt-1 max-w-3xl text-muted">{service.description}</p> : null}
          <p className="mt-2 text-sm text-muted">
            {service.owner ? `Owner: ${service.owner}` : "No owner"}
            {service.repositoryUrl ? (
              <>
                {" · "}
                <a href={service.repositoryUrl} rel="noopener noreferrer" className="text-link underline">
                  Repository
                </a>
              </>
            ) : null}
            {" · "}Last assessed {formatDate(service.lastAssessedAt)}
          </p>
          {service.catalog ? (
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted">
              {service.catalog.missingSince ? <Badge tone="warning">Missing from catalogue since {formatDate(service.catalog.missingSince)}</Badge> : null}
              <span>
                From the catalogue: <code className="break-all font-mono text-xs">{service.catalog.ref}</code>
              </span>
            </p>
          ) : null}
        </div>
        <div>
          {service.current ? (
            <Link href={`/assessments/${service.current.id}`} className={buttonClass("primary", "md", "shadow-sm")}>
              {service.current.status === "draft" && service.may.assess ? "Continue the assessment" : "Open the assessment under way"}
            </Link>
          ) : service.may.assess ? (
            <StartAssessmentButton serviceId={service.id} carriesOver={completed.length > 0} />
          ) : null}
        </div>
      </div>

      <div className="mb-6 space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <p className="max-w-2xl text-sm text-muted">
            {asOf
              ? `The figures below are as at the end of ${asOf.day} (UTC): the approvals by then, and the findings as their history says they stood. The rest of the page is today.`
              : "The figures below are today's; choose a day (an audit period's end) to see them as they stood then."}
          </p>
          <AsOfForm
            day={asOf?.day ?? null}
            error={asOfError}
            today={today.toISOString().slice(0, 10)}
            action={`/services/${service.slug}`}
            keep={teamSlug ? { team: teamSlug } : {}}
          />
        </div>
        <Suspense fallback={<div className="h-28 animate-pulse rounded-xl bg-subtle" aria-hidden="true" />}>
          <ServiceReportCards principal={principal} service={service} asOf={asOf} />
        </Suspense>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader title="Latest score" description={completed[0] ? `Approved ${formatDate(completed[0].approvedAt)}` : "Not assessed yet"} />
          <div className="px-5 py-4">
            <dl className="mb-4 grid grid-cols-2 gap-3 text-sm">
              <div>
                <dt className="font-medium">Approved</dt>
                <dd className="mt-1">
                  <ScoreBadge score={service.latestScore} />
                </dd>
              </div>
              <div>
                <dt className="font-medium">Current</dt>
                <dd className="mt-1">
                  <ScoreBadge score={service.currentScore ?? service.latestScore} />
                </dd>
              </div>
            </dl>
            <p className="mb-4 text-xs text-muted">
              Current is the approved answers with its platforms&apos; answers and any drifted evidence applied
              {service.currentScore === null || service.currentScore === service.latestScore ? "; today they agree." : "."}
            </p>
            <FactorScores scores={service.factorScores} />
          </div>
        </Card>

        <div className="space-y-6 lg:col-span-2">
          <TableCard
            header={{ title: "Assessments", description: "Newest first. Completed ones are frozen, with the checklist version they used." }}
            caption="Assessments of this service"
            columns={["Started", "State", "Checklist", "Approved by", { label: "Score", align: "right" }]}
            items={service.assessments.slice(0, 24)}
            empty={<p className="px-5 py-4 text-sm text-muted">None yet.</p>}
            row={(a) => (
              <tr key={a.id}>
                <td className="px-5 py-2.5">
                  <Link href={`/assessments/${a.id}`} className="text-link hover:underline">
                    {formatDate(a.startedAt)}
                  </Link>
                </td>
                <td className="px-3 py-2.5">{assessmentStates.label(a.status)}</td>
                <td className="px-3 py-2.5">v{a.checklistVersion}</td>
                <td className="px-3 py-2.5">{a.approvedBy ?? "—"}</td>
                <td className="px-5 py-2.5 text-right">
                  <ScoreBadge score={a.overallScore} />
                </td>
              </tr>
            )}
          />

          <ServiceFindings
            title={FINDING_FIGURES.unresolved.label}
            description={`${FINDING_FIGURES.unresolved.definition} Opened by approved assessments; resolved when an item is met again.`}
            findings={service.openFindings}
            factorNames={FACTOR_NAMES}
            owners={service.owners}
            manage={service.may.manageFindings}
          />

          <DriftCard principal={principal} serviceId={service.id} />
          <ImportsCard principal={principal} serviceId={service.id} />
          <StaleEvidenceCard principal={principal} serviceId={service.id} assessmentId={completed[0]?.id ?? null} />
          <PlatformsCard principal={principal} serviceId={service.id} />

          {service.may.edit ? (
            <Card>
              <details>
                <summary className="cursor-pointer px-5 py-4 text-base font-semibold">Edit details, or move to another team</summary>
                {service.catalog ? (
                  <p className="px-5 text-sm text-muted">
                    The catalogue manages this service: its next sync sets the name, description, team and repository again. Change them in the catalogue.
                  </p>
                ) : null}
                <ServiceForm
                  teams={teams}
                  service={{
                    id: service.id,
                    teamId: service.team.id,
                    name: service.name,
                    description: service.description,
                    criticality: service.criticality,
                    repositoryUrl: service.repositoryUrl,
                  }}
                />
              </details>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
