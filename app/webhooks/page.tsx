import type { Metadata } from "next";
import { EnableWebhookButton, CreateWebhookForm, RemoveWebhookButton } from "@/components/webhooks/webhook-forms";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { Badge } from "@/components/ui/tone";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { mayManageTokens } from "@/lib/auth/policy";
import { listWebhooks, webhookTeams } from "@/lib/data/notifications/webhooks";
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS, kindLabel } from "@/lib/notify/kinds";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const principal = await requirePagePermission("/webhooks", (p) => mayManageTokens(p));
  const [teams, endpoints] = await Promise.all([webhookTeams(principal), listWebhooks(principal)]);
  const kinds = NOTIFICATION_KIND_NAMES.map((kind) => ({ kind, label: NOTIFICATION_KINDS[kind].label, group: NOTIFICATION_KINDS[kind].group }));
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send your team's notifications to chat or to your own tools. Each delivery is signed (Standard Webhooks), retried with back-off when the endpoint fails, and logged below; an endpoint that keeps failing is disabled and its team's leads told."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Register a webhook" description="HTTPS only, on a public address. Leads register for their teams, admins for any." />
          <CreateWebhookForm teams={teams} kinds={kinds} />
        </Card>
        {endpoints.length === 0 ? (
          <Card>
            <EmptyState title="No webhooks yet">Register one above, such as a Slack incoming webhook for your team&apos;s channel.</EmptyState>
          </Card>
        ) : (
          endpoints.map((e) => (
            <Card key={e.id}>
              <div className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4">
                <div className="min-w-0">
                  <h2 className="font-semibold">
                    {e.name} <span className="text-sm font-normal text-muted">· {e.team.name}</span>
                  </h2>
                  <p className="break-all font-mono text-xs text-muted">{e.url}</p>
                  <p className="mt-1 text-xs text-muted">
                    {e.format.toLowerCase()} body · {e.kinds.map(kindLabel).join("; ")}
                  </p>
                  {e.disabledAt ? (
                    <p className="mt-1 text-sm text-danger">
                      Disabled {formatDateTime(e.disabledAt)} UTC: {e.disabledReason}
                    </p>
                  ) : null}
                </div>
                <div className="flex items-center gap-2">
                  {e.disabledAt ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
                  {e.disabledAt ? <EnableWebhookButton id={e.id} name={e.name} /> : null}
                  <RemoveWebhookButton id={e.id} name={e.name} />
                </div>
              </div>
              {e.deliveries.length === 0 ? (
                <p className="px-5 py-3 text-sm text-muted">No deliveries yet.</p>
              ) : (
                <ul className="divide-y divide-line-soft text-sm" aria-label={`Latest deliveries to ${e.name}`}>
                  {e.deliveries.map((d) => (
                    <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-x-3 px-5 py-2">
                      <span className="min-w-0">
                        {d.event?.title ?? "(event removed)"}
                        <span className="block font-mono text-xs text-muted">msg_{d.id}</span>
                      </span>
                      <span className="text-xs">
                        <span className={d.status === "FAILED" ? "font-semibold text-danger" : d.status === "SENT" ? "text-success" : "text-muted"}>
                          {d.status.toLowerCase()}
                        </span>
                        {d.lastCode ? ` · ${d.lastCode}` : ""} · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                        {d.lastError && d.status !== "SENT" ? <span className="block text-muted">{d.lastError}</span> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ))
        )}
      </div>
    </>
  );
}
