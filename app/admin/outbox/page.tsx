import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { Card, EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { listOutbox } from "@/lib/data/notifications/outbox";

export const metadata: Metadata = { title: "Email outbox" };

export default async function OutboxPage() {
  const principal = await requirePagePermission("/admin/outbox", (p) => can(p, "admin.manage", "org"));
  const { smtpConfigured, total, emails } = await listOutbox(principal);
  return (
    <>
      <AdminPageHeader
        title="Email outbox"
        description={
          smtpConfigured
            ? `SMTP_URL is set, so email goes to your SMTP server; these ${total} were written here before it was set.`
            : `No SMTP_URL is set, so every email Twelvefold would send is kept here instead (${total} so far, newest first). Set SMTP_URL to send them.`
        }
      />
      <Card>
        {emails.length === 0 ? (
          <EmptyState title="No email yet">When someone is notified by email, the message appears here.</EmptyState>
        ) : (
          <ul className="divide-y divide-line-soft">
            {emails.map((e) => (
              <li key={e.id} className="px-5 py-3">
                <details>
                  <summary className="cursor-pointer text-sm">
                    <span className="font-medium">{e.subject}</span>
                    <span className="block text-xs text-muted sm:inline sm:ml-2">
                      to {e.to} · {formatDateTime(e.createdAt)} UTC
                    </span>
                  </summary>
                  <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-subtle p-3 font-mono text-xs">
                    {Object.entries(e.headers as Record<string, string>)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join("\n")}
                    {"\n\n"}
                    {e.text}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
