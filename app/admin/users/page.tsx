import type { Metadata } from "next";
import { AccessForms } from "@/components/admin/access-forms";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserActions } from "@/components/admin/user-actions";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { listUsers } from "@/lib/data/admin/list-users";
import { latestGrantExpiry, listTeamOptions } from "@/lib/data/admin/manage-access";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const principal = await requirePagePermission("/admin/users", (p) => can(p, "admin.manage", "org"));
  const [users, teams] = await Promise.all([listUsers(principal), listTeamOptions(principal)]);
  const maxDate = latestGrantExpiry();
  return (
    <>
      <AdminPageHeader title="Users" description="Who can sign in, with what, and what they hold." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Add a user" description="They get a one-time password to pass on; they start with no team." />
          <CreateUserForm />
        </Card>
        <Card>
          <CardHeader title="Access" description="Roles are per team; org-wide auditor access is read-only and ends by itself." />
          <AccessForms
            users={users.filter((u) => !u.disabled).map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }))}
            teams={teams.map((t) => ({ id: t.id, label: t.name }))}
            maxDate={maxDate}
          />
        </Card>
        <TableCard
          caption="Users with their roles and status"
          columns={["User", "Access", "Status", "Last sign-in", { label: "Actions", align: "right" }]}
          items={users}
          row={(user) => (
            <tr key={user.id} className={user.disabled ? "text-slate-500 dark:text-slate-400" : undefined}>
              <td className="px-5 py-3">
                <div className="font-medium">{user.name}</div>
                <div className="text-xs text-muted">{user.email}</div>
              </td>
              <td className="px-3 py-3 text-xs">
                {user.isAdmin ? <div className="font-semibold">Administrator</div> : null}
                {user.auditorUntil ? <div>Org auditor until {formatDate(user.auditorUntil)}</div> : null}
                {user.memberships.map((m) => (
                  <div key={m.team}>
                    {m.team}: <span className="capitalize">{m.role}</span>
                  </div>
                ))}
                {!user.isAdmin && !user.auditorUntil && user.memberships.length === 0 ? <div>No access yet</div> : null}
              </td>
              <td className="px-3 py-3 text-sm">
                {user.disabled ? "Disabled" : "Active"}
                {user.hasPassword ? null : <div className="text-xs text-muted">No password set</div>}
              </td>
              <td className="px-3 py-3 whitespace-nowrap text-sm">{user.lastSignInAt ? formatDate(user.lastSignInAt) : "Never"}</td>
              <td className="px-5 py-3">
                <UserActions
                  userId={user.id}
                  name={user.name}
                  disabled={user.disabled}
                  isSelf={user.id === principal.userId}
                  isOrgAuditor={user.auditorUntil !== null}
                />
              </td>
            </tr>
          )}
        />
      </div>
    </>
  );
}
