import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { getOrganisationOverview } from "@/lib/data/reports/get-organisation-overview";
import { buttonClass } from "@/components/ui/button";
import { SECTIONS } from "@/lib/navigation";

export const metadata: Metadata = { title: SECTIONS.admin.title };

export default async function AdminPage() {
  const principal = await requirePagePermission("/admin", (p) => can(p, "admin.manage", "org"));
  const overview = await getOrganisationOverview(principal);
  return (
    <>
      <PageHeader
        title={SECTIONS.admin.title}
        description={`${overview.users} active users, ${overview.admins} with the admin flag, across ${overview.teams.length} teams.`}
      >
        <div className="flex flex-wrap gap-3">
          <Link href="/admin/programme" className={buttonClass("secondary")}>
            Review cadence
          </Link>
          <Link href="/admin/outbox" className={buttonClass("secondary")}>
            Email outbox
          </Link>
          <Link href="/admin/identity" className={buttonClass("secondary")}>
            Identity provider
          </Link>
          <Link href="/admin/catalog" className={buttonClass("secondary")}>
            Catalogue and import
          </Link>
          <Link href="/admin/teams" className={buttonClass("secondary")}>
            Manage teams
          </Link>
          <Link href="/admin/users" className={buttonClass("primary", "md", "shadow-sm")}>
            Manage users
          </Link>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <TableCard
          items={overview.teams}
          header={{ title: "Teams", description: "Members hold one role per team: reviewer, lead or auditor." }}
          caption="Teams with their member and service counts"
          columns={["Team", { label: "Members", align: "right" }, { label: "Services", align: "right" }]}
          row={(team) => (
            <tr key={team.slug}>
              <td className="px-5 py-3 font-medium">{team.name}</td>
              <td className="px-3 py-3 text-right tabular-nums">{team.members}</td>
              <td className="px-5 py-3 text-right tabular-nums">{team.services}</td>
            </tr>
          )}
        />
        <Card>
          <CardHeader
            title="Checklist versions"
            description="Published versions never change; each assessment pins the version and content hash it was made with."
          />
          <ul className="divide-y divide-line-soft">
            {overview.checklists.map((checklist) => (
              <li key={checklist.version} className="px-5 py-3 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium">
                    v{checklist.version} · {checklist.title}
                  </span>
                  <span className="text-muted">published {formatDate(checklist.publishedAt)}</span>
                </div>
                <div className="mt-1 text-muted">
                  {checklist.items} items · used by {checklist.assessments} assessments
                </div>
                <div className="mt-1 break-all font-mono text-xs text-muted">sha256 {checklist.contentHash}</div>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
