import type { Metadata } from "next";
import { TeamForm } from "@/components/admin/team-form";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { listTeams } from "@/lib/data/admin/list-teams";
import { teamRoles } from "@/lib/vocabulary/roles";

export const metadata: Metadata = { title: "Teams" };

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export default async function TeamsPage() {
  const principal = await requirePagePermission("/admin/teams", (p) => can(p, "admin.manage", "org"));
  const teams = await listTeams(principal);
  return (
    <>
      <AdminPageHeader title="Teams" description="Teams own services; people hold a role per team. Renaming keeps a team's services, members and history." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Add a team" description="Its address is made from the name and does not change when you rename it." />
          <TeamForm className="px-5 py-4" />
        </Card>
        <Card>
          <CardHeader title={`${teams.length} teams`} description="Give people roles in a team from the Users page." />
          <ul className="divide-y divide-line-soft">
            {teams.map((team) => (
              <li key={team.id} className="px-5 py-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-medium">{team.name}</h3>
                  <p className="text-sm text-muted">
                    {[
                      count(team.services, "service"),
                      ...teamRoles.values.map((role) => count(team.members[role], role)),
                      `since ${formatDate(team.createdAt)}`,
                    ].join(" · ")}
                  </p>
                </div>
                {team.description ? <p className="mt-1 text-sm text-muted">{team.description}</p> : null}
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-link">Edit {team.name}</summary>
                  <TeamForm team={team} className="mt-3" />
                </details>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
