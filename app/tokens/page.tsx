import type { Metadata } from "next";
import { CreateTokenForm, RevokeTokenButton } from "@/components/tokens/token-forms";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { TOKEN_LIFETIME_DAYS } from "@/lib/api/token-format";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { mayManageTokens } from "@/lib/auth/policy";
import { listTokens, teamsForTokens } from "@/lib/data/api/tokens";
import { tokenScopes } from "@/lib/vocabulary/records";

export const metadata: Metadata = { title: "API tokens" };

const STATE_STYLE = {
  active: "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800",
  expired: "bg-subtle text-slate-800 ring-field dark:text-slate-100",
  revoked: "bg-rose-50 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-100 dark:ring-rose-800",
} as const;

export default async function TokensPage() {
  const principal = await requirePagePermission("/tokens", (p) => mayManageTokens(p));
  const [teams, tokens] = await Promise.all([teamsForTokens(principal), listTokens(principal)]);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let a pipeline read your team's records or submit evidence through the API (/api/v1, described at /api/v1/openapi.json). Each belongs to one team, acts with one role, expires, and can be revoked at once. Every use is in the audit trail."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Create a token"
            description="Leads create tokens for their teams; admins for any team. A token stops working if its creator loses that right."
          />
          <CreateTokenForm teams={teams} lifetimes={TOKEN_LIFETIME_DAYS} />
        </Card>
        {tokens.length === 0 ? (
          <EmptyState title="No tokens yet">Create one above for a CI pipeline, then run the scanner with it.</EmptyState>
        ) : (
          <Card className="overflow-x-auto">
            <DataTable
              caption="API tokens of your teams"
              columns={[
                { label: "Token" },
                { label: "Team and role" },
                { label: "State" },
                { label: "Created" },
                { label: "Last used" },
                { label: "Actions", align: "right" },
              ]}
            >
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td className="px-5 py-3">
                    <div className="font-medium">{t.name}</div>
                    <div className="font-mono text-xs text-muted">{t.prefix}…</div>
                  </td>
                  <td className="px-3 py-3">
                    {t.team.name}
                    <div className="text-xs text-muted">{tokenScopes.label(t.scope)}</div>
                  </td>
                  <td className="whitespace-nowrap px-3 py-3">
                    <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold capitalize ring-1 ring-inset ${STATE_STYLE[t.state]}`}>
                      {t.state}
                    </span>
                    <div className="text-xs text-muted">
                      {t.state === "revoked" && t.revokedAt
                        ? `on ${formatDateTime(t.revokedAt)}`
                        : `${t.state === "expired" ? "since" : "until"} ${formatDateTime(t.expiresAt)}`}
                    </div>
                  </td>
                  <td className="px-3 py-3 text-xs">
                    {formatDateTime(t.createdAt)}
                    <div className="text-muted">by {t.createdBy ?? "a former user"}</div>
                  </td>
                  <td className="px-3 py-3 text-xs">
                    {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}
                    {t.lastUsedIp ? <div className="text-muted">from {t.lastUsedIp}</div> : null}
                  </td>
                  <td className="whitespace-nowrap px-5 py-3 text-right">{t.state === "active" ? <RevokeTokenButton tokenId={t.id} name={t.name} /> : null}</td>
                </tr>
              ))}
            </DataTable>
          </Card>
        )}
      </div>
    </>
  );
}
