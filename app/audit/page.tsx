import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { auditScope, canBrowseAuditTrail } from "@/lib/auth/policy";
import { auditFilterSchema, listAuditEvents, listAuditFacets } from "@/lib/data/audit/list-audit-events";
import { SECTIONS } from "@/lib/navigation";
import { calloutClass } from "@/components/ui/tone";

export const metadata: Metadata = { title: SECTIONS.audit.title };

type SearchParams = Record<string, string | string[] | undefined>;

const FILTER_KEYS = ["actor", "action", "target", "category", "team", "from", "to"] as const;
const LABELS: Record<string, string> = {
  actor: "Actor",
  action: "Action",
  target: "Target",
  category: "Category",
  team: "Team",
  from: "From",
  to: "To",
  before: "Page",
  after: "Page",
};

function first(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const one = Array.isArray(value) ? value[0] : value;
      return one === undefined ? [] : [[key, one]];
    }),
  );
}

function pageLink(values: AuditFilterValues, cursor: { before?: string; after?: string }): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key]) query.set(key, values[key]!);
  for (const [key, value] of Object.entries(cursor)) if (value) query.set(key, value);
  return `/audit?${query}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await requirePagePermission("/audit", (p) => canBrowseAuditTrail(p));
  const raw = first(await searchParams);
  const values: AuditFilterValues = Object.fromEntries(FILTER_KEYS.map((key) => [key, raw[key]?.slice(0, 300)]));
  const parsed = auditFilterSchema.safeParse(raw);
  const [facets, page] = await Promise.all([listAuditFacets(principal), parsed.success ? listAuditEvents(principal, parsed.data) : null]);
  const scope = auditScope(principal);
  return (
    <>
      <PageHeader
        title={SECTIONS.audit.title}
        description={`Every sign-in, refusal and change, hash-chained and append-only. ${
          scope.kind === "org" ? "You see the whole organisation." : "You see the events of the teams you lead or audit."
        }`}
      />
      <div className="space-y-6">
        <Card>
          <AuditFilters values={values} facets={facets} />
        </Card>
        {!parsed.success ? (
          <div role="alert" className={calloutClass("danger", "px-5 py-4")}>
            <p className="font-medium">These filters cannot be used:</p>
            <ul className="mt-1 list-disc pl-5">
              {parsed.error.issues.map((issue) => (
                <li key={`${issue.path.join(".")}:${issue.message}`}>
                  {issue.path.length ? `${LABELS[String(issue.path[0])] ?? String(issue.path[0])}: ` : ""}
                  {issue.message}
                </li>
              ))}
            </ul>
          </div>
        ) : page && page.events.length === 0 ? (
          <EmptyState title="No events match these filters">Widen the dates or clear a filter.</EmptyState>
        ) : page ? (
          <>
            <Card className="overflow-x-auto">
              <AuditTable events={page.events} />
            </Card>
            <nav aria-label="Audit trail pages" className="flex items-center justify-between text-sm">
              {page.newer ? (
                <Link href={pageLink(values, { after: page.newer })} className="font-medium text-link hover:underline">
                  ← Newer events
                </Link>
              ) : (
                <span />
              )}
              {page.older ? (
                <Link href={pageLink(values, { before: page.older })} className="font-medium text-link hover:underline">
                  Older events →
                </Link>
              ) : null}
            </nav>
          </>
        ) : null}
        <p className="text-sm text-muted">
          Times are UTC. The chain of hashes is checked end to end by <code className="font-mono">npm run audit:verify</code>.
        </p>
      </div>
    </>
  );
}
