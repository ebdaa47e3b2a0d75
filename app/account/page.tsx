import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { currentSessionSecret, requirePrincipal } from "@/lib/auth/current";
import { getAccount } from "@/lib/data/account/get-account";
import { auditActionLabel } from "@/lib/audit/actions";
import { teamRoles } from "@/lib/vocabulary/roles";
import { calloutClass } from "@/components/ui/tone";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const principal = await requirePrincipal({ passwordChangePage: true });
  const account = await getAccount(principal, await currentSessionSecret());
  const access = [
    ...(account.isAdmin ? ["Administrator"] : []),
    ...(account.orgAuditorUntil ? [`Org-wide auditor until ${formatDate(account.orgAuditorUntil)}`] : []),
    ...account.roles.map((r) => `${teamRoles.label(r.role)} in ${r.team}`),
  ];
  return (
    <>
      <PageHeader title="Your account" description={`${account.name} · ${account.email}`} />
      {principal.mustChangePassword ? (
        <p role="alert" className={calloutClass("warning", "mb-6 px-4 py-3")}>
          You signed in with a one-time password from an administrator. Choose your own password below to continue; until then you have no access.
        </p>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Access" description="Given by an administrator; changes apply on your next request." />
          {access.length ? (
            <ul className="divide-y divide-line-soft px-5 text-sm">
              {access.map((line) => (
                <li key={line} className="py-2.5">
                  {line}
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-5 py-4 text-sm text-muted">No access yet. Ask an administrator for a team role.</p>
          )}
        </Card>
        <Card>
          <CardHeader title="Password" description={account.hasPassword ? "Changing it ends every other session." : undefined} />
          {account.hasPassword ? (
            <ChangePasswordForm />
          ) : (
            <p className="px-5 py-4 text-sm text-muted">You sign in through single sign-on, so there is no Twelvefold password to change.</p>
          )}
        </Card>
        <TableCard
          header={{ title: "Where you are signed in", description: "Sessions end after 30 idle minutes or 12 hours; Sign out ends this one." }}
          caption="Your live sessions"
          columns={["Since (UTC)", "Last seen (UTC)", "Address", "Browser"]}
          className="lg:col-span-2"
          items={account.sessions}
          row={(session) => (
            <tr key={session.createdAt.toISOString() + session.ipAddress}>
              <td className="px-5 py-3 tabular-nums">
                {formatDateTime(session.createdAt)}
                {session.current ? (
                  <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
                    This session
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-3 tabular-nums">{formatDateTime(session.lastSeenAt)}</td>
              <td className="px-3 py-3">{session.ipAddress ?? "unknown"}</td>
              <td className="max-w-xs truncate px-5 py-3" title={session.userAgent ?? undefined}>
                {session.userAgent ?? "unknown"}
              </td>
            </tr>
          )}
        />
        <TableCard
          header={{ title: "Recent security events", description: "If you do not recognise one, change your password and tell your administrator." }}
          caption="Your recent security events"
          columns={["When (UTC)", "Event", "Address"]}
          className="lg:col-span-2"
          items={account.recentSecurityEvents}
          row={(event) => (
            <tr key={event.occurredAt.toISOString() + event.action}>
              <td className="px-5 py-3 tabular-nums">{formatDateTime(event.occurredAt)}</td>
              <td className="px-3 py-3">{auditActionLabel(event.action)}</td>
              <td className="px-5 py-3">{event.ipAddress ?? "unknown"}</td>
            </tr>
          )}
        />
      </div>
    </>
  );
}
