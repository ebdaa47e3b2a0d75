import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { CreateTokenForm, RevokeTokenButton } from "@/components/tokens/token-forms";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { TOKEN_LIFETIME_DAYS } from "@/lib/api/token-format";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { mayManageTokens } from "@/lib/auth/policy";
import { listTokens, teamsForTokens } from "@/lib/data/api/tokens";
import { listDriftPolicies } from "@/lib/data/teams/drift-policy";
import { DriftPolicyForm } from "@/components/tokens/drift-policy-form";
import { tokenScopes } from "@/lib/vocabulary/records";
import { SECTIONS } from "@/lib/navigation";
import { Badge, type BadgeTone } from "@/components/ui/tone";

export const metadata: Metadata = { title: SECTIONS.tokens.title };

const STATE_TONE = { active: "success", expired: "neutral", revoked: "danger" } as const satisfies Record<string, BadgeTone>;

export default async function TokensPage() {
  const principal = await requirePagePermission("/tokens", (p) => mayManageTokens(p));
  const [teams, tokens, driftPolicies] = await Promise.all([teamsForTokens(principal), listTokens(principal), listDriftPolicies(principal)]);
  return (
    <>
      <PageHeader
        title={SECTIONS.tokens.title}
        description="Tokens let a pipeline read your team's records or submit evidence through the API (/api/v1, described at /api/v1/openapi.json). Each belongs to one team, acts with one role, expires, and can be revoked at once. Every use is in the audit trail."
      >
        <Link href="/webhooks" className={buttonClass("outline", "md")}>
          Team webhooks
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Create a token"
            description="Leads create tokens for their teams; admins for any team. A token stops working if its creator loses that right."
          />
          <CreateTokenForm teams={teams} lifetimes={TOKEN_LIFETIME_DAYS} />
        </Card>
        <TableCard
          caption="API tokens of your teams"
          columns={["Token", "Team and role", "State", "Created", "Last used", { label: "Actions", align: "right" }]}
          items={tokens}
          empty={<EmptyState title="No tokens yet">Create one above for a CI pipeline, then run the scanner with it.</EmptyState>}
          row={(t) => (
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
                <Badge tone={STATE_TONE[t.state]} className="capitalize">
                  {t.state}
                </Badge>
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
          )}
        />
        {driftPolicies.length ? (
          <Card>
            <CardHeader
              title="When evidence drifts"
              description="Evidence a pipeline submits is compared with each service's latest approval. A contradiction always shows on the service and the dashboard and tells its lead and reviewers; here a lead decides whether it also opens the item's finding at once."
            />
            <div className="divide-y divide-line-soft">
              {driftPolicies.map((p) => (
                <DriftPolicyForm key={p.teamId} {...p} />
              ))}
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
