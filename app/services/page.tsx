import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/tone";
import { z } from "zod";
import { ServiceFilters } from "@/components/services/service-filters";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { ScoreBar } from "@/components/ui/score";
import { SeverityBadge } from "@/components/ui/severity";
import { listServiceSummaries } from "@/lib/data/services/list-service-summaries";
import { listVisibleTeams } from "@/lib/data/teams/list-visible-teams";
import { listTeamsForServices } from "@/lib/data/services/manage-services";
import { requirePrincipal } from "@/lib/auth/current";
import { tiers } from "@/lib/vocabulary/levels";
import { serviceSortSchema, sortServices } from "@/lib/services/sort";
import { reviewDueFor } from "@/lib/programme/cadence";
import { getProgrammeSettings } from "@/lib/data/programme/settings";
import { ReviewDue } from "@/components/services/review-due";
import { buttonClass } from "@/components/ui/button";
import { SECTIONS } from "@/lib/navigation";

// Unknown or malformed filters are ignored rather than failing the page.
const filterSchema = z.object({
  q: z.string().trim().max(80).optional().catch(undefined),
  team: z
    .string()
    .regex(/^[a-z0-9-]{1,48}$/)
    .optional()
    .catch(undefined),
  tier: tiers.schema.optional().catch(undefined),
  sort: serviceSortSchema.catch("name"),
});
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const metadata: Metadata = { title: SECTIONS.services.title };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  const raw = await searchParams;
  const filter = filterSchema.parse({ q: one(raw.q) || undefined, team: one(raw.team) || undefined, tier: one(raw.tier) || undefined, sort: one(raw.sort) });
  const [listed, teams, creatable] = await Promise.all([
    listServiceSummaries(principal, { query: filter.q, teamSlug: filter.team, criticality: filter.tier }),
    listVisibleTeams(principal),
    listTeamsForServices(principal),
  ]);
  // Each service is due its tier's interval after its last approval (the admin's review cadence).
  const { intervals } = await getProgrammeSettings();
  const now = new Date();
  const services = sortServices(
    listed.map((service) => ({ ...service, reviewDue: reviewDueFor(service.lastAssessedAt, service.criticality, intervals) })),
    filter.sort,
  );
  const filtered = Boolean(filter.q || filter.team || filter.tier);
  return (
    <>
      <PageHeader title={SECTIONS.services.title} description="Every service, its tier and where its latest assessment left it.">
        {creatable.length ? (
          <Link href="/services/new" className={buttonClass("primary", "md", "shadow-sm")}>
            Add a service
          </Link>
        ) : null}
      </PageHeader>
      {teams.length ? <ServiceFilters values={filter} teams={teams} /> : null}
      <TableCard
        caption="Services with their latest score and open findings"
        columns={["Service", "Team", "Tier", "Latest score", "Last assessed, review due", { label: "Open findings", align: "right" }]}
        items={services}
        empty={
          filtered ? (
            <EmptyState title="No services match">Try another name, or clear the filters.</EmptyState>
          ) : (
            <EmptyState title="No services yet">Services appear here once they are added to a team.</EmptyState>
          )
        }
        row={(service) => {
          const open = Object.values(service.openFindings).reduce((a, b) => a + b, 0);
          return (
            <tr key={service.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className="px-5 py-3">
                <Link href={`/services/${service.slug}`} className="font-medium text-link hover:underline">
                  {service.name}
                </Link>
                <div className="text-xs text-muted">
                  {service.owner ? `Owner: ${service.owner}` : "No owner"}
                  {service.draftInProgress ? " · assessment in progress" : ""}
                </div>
                {service.catalogMissingSince ? (
                  <Badge tone="warning" className="mt-1">
                    Missing from catalogue
                  </Badge>
                ) : null}
              </td>
              <td className="px-3 py-3">{service.team.name}</td>
              <td className="px-3 py-3">
                <SeverityBadge level={service.criticality} />
              </td>
              <td className="px-3 py-3">
                <ScoreBar score={service.latestScore} />
                {service.currentScore !== null && service.currentScore !== service.latestScore ? (
                  <div className="mt-1 text-xs text-muted">{service.currentScore} now, with its platforms and drift</div>
                ) : null}
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                {service.lastAssessedAt ? formatDate(service.lastAssessedAt) : "Never"}
                <ReviewDue due={service.reviewDue} now={now} />
              </td>
              <td className="px-5 py-3 text-right tabular-nums">
                {open}
                {service.openFindings.critical ? (
                  <span className="ml-2 text-xs font-semibold text-danger">{service.openFindings.critical} critical</span>
                ) : null}
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}
