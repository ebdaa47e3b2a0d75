import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, relativeDays } from "@/components/ui/format";
import { SeverityBadge } from "@/components/ui/severity";
import { listOpenFindings } from "@/lib/data/list-open-findings";
import { requirePrincipal } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Findings" };

const STATUS_LABEL = { open: "Open", in_progress: "In progress", risk_accepted: "Risk accepted" } as const;

export default async function FindingsPage() {
  const principal = await requirePrincipal();
  const now = new Date();
  const findings = await listOpenFindings(principal, { limit: 200, now });
  return (
    <>
      <PageHeader
        title="Findings"
        description="Unresolved findings from approved assessments, most severe and soonest due first."
      />
      {findings.length === 0 ? (
        <EmptyState title="No open findings">Findings open when an approved assessment leaves an item not met.</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <DataTable
            caption="Unresolved findings"
            columns={[
              { label: "Finding" },
              { label: "Service" },
              { label: "Severity" },
              { label: "Status" },
              { label: "Owner" },
              { label: "Due" },
            ]}
          >
              {findings.map((finding) => (
                <tr key={finding.id}>
                  <td className="px-5 py-3">
                    <div className="font-medium">{finding.title}</div>
                    <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{finding.itemId}</div>
                  </td>
                  <td className="px-3 py-3">
                    {finding.service.name}
                    <div className="text-xs text-slate-600 dark:text-slate-400">{finding.service.team}</div>
                  </td>
                  <td className="px-3 py-3">
                    <SeverityBadge level={finding.severity} />
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap">
                    {STATUS_LABEL[finding.status]}
                    {finding.status === "risk_accepted" && finding.riskAcceptanceExpiresAt ? (
                      <div className="text-xs text-slate-600 dark:text-slate-400">until {formatDate(finding.riskAcceptanceExpiresAt)}</div>
                    ) : null}
                  </td>
                  <td className="px-3 py-3">{finding.owner ?? <span className="text-slate-600 dark:text-slate-400">Unassigned</span>}</td>
                  <td className="px-5 py-3 whitespace-nowrap">
                    {formatDate(finding.dueDate)}
                    {finding.dueDate && finding.status !== "risk_accepted" ? (
                      <div
                        className={`text-xs ${finding.overdue ? "font-semibold text-rose-700 dark:text-rose-300" : "text-slate-600 dark:text-slate-400"}`}
                      >
                        {finding.overdue ? `Overdue, due ${relativeDays(finding.dueDate, now)}` : `Due ${relativeDays(finding.dueDate, now)}`}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
          </DataTable>
        </Card>
      )}
    </>
  );
}
