import { CreateIntegrationTokenForm, RevokeIntegrationTokenButton } from "@/components/admin/catalog-forms";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { DataTable, ScrollRegion } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Badge, type BadgeTone } from "@/components/ui/tone";
import { TOKEN_LIFETIME_DAYS } from "@/lib/api/token-format";
import type { IntegrationTokenRow } from "@/lib/data/admin/integration-tokens";

const STATE_TONE = { active: "success", expired: "neutral", revoked: "danger" } as const satisfies Record<string, BadgeTone>;

/** An integration's tokens: made here by admins, listed with their state and last use, revoked at once. */
export function IntegrationTokens({
  purpose,
  title,
  description,
  usage,
  tokens,
}: {
  purpose: "catalog" | "scim";
  title: string;
  description: string;
  usage: string;
  tokens: IntegrationTokenRow[];
}) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CreateIntegrationTokenForm purpose={purpose} lifetimes={TOKEN_LIFETIME_DAYS} usage={usage} />
      {tokens.length ? (
        <ScrollRegion label={`${title}: the list`}>
          <DataTable caption={`${title}: the list`} columns={["Token", "State", "Created", "Last used", "Actions"]}>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="px-5 py-3">
                  <div className="font-medium">{t.name}</div>
                  <div className="font-mono text-xs text-muted">{t.prefix}…</div>
                </td>
                <td className="whitespace-nowrap px-3 py-3">
                  <Badge tone={STATE_TONE[t.state]} className="capitalize">
                    {t.state}
                  </Badge>
                  <div className="text-xs text-muted">{`${t.state === "expired" ? "since" : "until"} ${formatDateTime(t.expiresAt)}`}</div>
                </td>
                <td className="px-3 py-3 text-xs">
                  {formatDateTime(t.createdAt)}
                  <div className="text-muted">by {t.createdBy ?? "a former user"}</div>
                </td>
                <td className="px-3 py-3 text-xs">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</td>
                <td className="whitespace-nowrap px-5 py-3">{t.state === "active" ? <RevokeIntegrationTokenButton tokenId={t.id} name={t.name} /> : null}</td>
              </tr>
            ))}
          </DataTable>
        </ScrollRegion>
      ) : (
        <EmptyState title="No tokens yet">Create one above; it works until it expires, is revoked, or its maker stops being an admin.</EmptyState>
      )}
    </Card>
  );
}
