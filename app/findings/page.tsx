import type { Metadata } from "next";
import { DownloadButton } from "@/components/exports/download-button";
import Link from "next/link";
import { DueBadge } from "@/components/findings/due-badge";
import { FindingsFilters } from "@/components/findings/findings-filters";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { SeverityBadge } from "@/components/ui/severity";
import { requirePrincipal } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { listFindings } from "@/lib/data/findings/list-findings";
import { listServicePicker } from "@/lib/data/services/list-service-picker";
import { listVisibleTeams } from "@/lib/data/teams/list-visible-teams";
import { findingStatuses } from "@/lib/vocabulary/findings";
import { findingFilterQuery, parseFindingFilter, type FindingFilter } from "@/lib/findings/filter";
import { SECTIONS } from "@/lib/navigation";

export const metadata: Metadata = { title: SECTIONS.findings.title };

const COLUMNS: { label: string; sort?: FindingFilter["sort"] }[] = [
  { label: "Finding" },
  { label: "Service", sort: "service" },
  { label: "Severity", sort: "severity" },
  { label: "Status" },
  { label: "Owner" },
  { label: "Opened", sort: "opened" },
  { label: "Due", sort: "due" },
];

/** Past this many services the filter stops listing them all: pick a team first. */
const SERVICE_PICKER_LIMIT = 200;

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  const filter = parseFindingFilter(await searchParams);
  const [page, teams, services] = await Promise.all([
    listFindings(principal, filter),
    listVisibleTeams(principal),
    listServicePicker(principal, { teamSlug: filter.team, selected: filter.service, limit: SERVICE_PICKER_LIMIT }),
  ]);
  const link = (change: Partial<FindingFilter>) => `/findings${findingFilterQuery({ ...filter, ...change })}`;
  const first = (page.page - 1) * 50 + 1;
  // Reviewers may not export: only those whose role may export some team's records get the buttons.
  const mayExport = teams.some((t) => can(principal, "export.create", { teamId: t.id }));
  return (
    <>
      <PageHeader
        title={SECTIONS.findings.title}
        description={`Every finding you may see, from approved assessments. Filter and sort${mayExport ? ", and take them with you as CSV or JSON" : ""}.`}
      >
        <div className="flex gap-2">
          {(mayExport ? (["csv", "json"] as const) : []).map((format) => {
            const query = findingFilterQuery({ ...filter, page: 1 });
            const href = `/findings/export${query}${format === "json" ? `${query ? "&" : "?"}format=json` : ""}`;
            return <DownloadButton key={format} action={href} label={`Download ${format.toUpperCase()}`} />;
          })}
        </div>
      </PageHeader>
      <Card className="mb-6">
        <FindingsFilters filter={filter} teams={teams} services={services} />
      </Card>
      {page.total === 0 ? (
        <EmptyState title="No findings match">
          {filter.overdue ? "Nothing is overdue here. " : ""}Findings open when an approved assessment leaves an item not met; clear the filters to see them
          all.
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-muted" aria-live="polite">
            {first}–{first + page.rows.length - 1} of {page.total}
          </p>
          <Card className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">
                Findings, sorted by {filter.sort} {filter.dir === "asc" ? "ascending" : "descending"}
              </caption>
              <thead className="border-b border-line text-left text-muted">
                <tr>
                  {COLUMNS.map((column, index) => {
                    const active = column.sort === filter.sort;
                    return (
                      <th
                        key={column.label}
                        scope="col"
                        aria-sort={active ? (filter.dir === "asc" ? "ascending" : "descending") : undefined}
                        className={`py-3 font-medium ${index === 0 || index === COLUMNS.length - 1 ? "px-5" : "px-3"}`}
                      >
                        {column.sort ? (
                          <Link href={link({ sort: column.sort, dir: active && filter.dir === "asc" ? "desc" : "asc", page: 1 })} className="hover:underline">
                            {column.label}
                            {active ? (filter.dir === "asc" ? " ↑" : " ↓") : ""}
                          </Link>
                        ) : (
                          column.label
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody className="divide-y divide-line-soft">
                {page.rows.map((f) => (
                  <tr key={f.id}>
                    <td className="px-5 py-3">
                      <Link href={`/findings/${f.id}`} className="font-medium text-link hover:underline">
                        {f.title}
                      </Link>
                      <div className="font-mono text-xs text-muted">{f.itemId}</div>
                    </td>
                    <td className="px-3 py-3">
                      {f.service.name}
                      <div className="text-xs text-muted">{f.team}</div>
                    </td>
                    <td className="px-3 py-3">
                      <SeverityBadge level={f.severity} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-3">
                      {findingStatuses.label(f.status)}
                      {f.status === "risk_accepted" && f.riskAcceptanceExpiresAt ? (
                        <div className="text-xs text-muted">
                          until {formatDate(f.riskAcceptanceExpiresAt)}
                          {f.riskAcceptedBy ? `, by ${f.riskAcceptedBy}` : ""}
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-3">{f.owner ?? <span className="text-muted">Unassigned</span>}</td>
                    <td className="whitespace-nowrap px-3 py-3">{formatDate(f.openedAt)}</td>
                    <td className="whitespace-nowrap px-5 py-3">
                      {formatDate(f.dueDate)} <DueBadge state={f.due} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <nav aria-label="Findings pages" className="mt-4 flex items-center justify-between text-sm">
            {page.page > 1 ? (
              <Link href={link({ page: page.page - 1 })} className="font-medium text-link hover:underline">
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-muted">
              Page {page.page} of {page.pages}
            </span>
            {page.page < page.pages ? (
              <Link href={link({ page: page.page + 1 })} className="font-medium text-link hover:underline">
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      )}
    </>
  );
}
