import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { ScoreBar } from "@/components/ui/score";
import { SeverityBadge } from "@/components/ui/severity";
import { listServiceSummaries } from "@/lib/data/list-service-summaries";
import { requirePrincipal } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const principal = await requirePrincipal();
  const services = await listServiceSummaries(principal);
  return (
    <>
      <PageHeader title="Services" description="Every service, its criticality and where its latest assessment left it." />
      {services.length === 0 ? (
        <EmptyState title="No services yet">Services appear here once they are added to a team.</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <DataTable
            caption="Services with their latest score and open findings"
            columns={[
              { label: "Service" },
              { label: "Team" },
              { label: "Criticality" },
              { label: "Latest score" },
              { label: "Last assessed" },
              { label: "Open findings", align: "right" },
            ]}
          >
              {services.map((service) => {
                const open = Object.values(service.openFindings).reduce((a, b) => a + b, 0);
                return (
                  <tr key={service.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                    <td className="px-5 py-3">
                      <div className="font-medium">{service.name}</div>
                      <div className="text-xs text-slate-600 dark:text-slate-400">
                        {service.owner ? `Owner: ${service.owner}` : "No owner"}
                        {service.draftInProgress ? " · assessment in progress" : ""}
                      </div>
                    </td>
                    <td className="px-3 py-3">{service.team.name}</td>
                    <td className="px-3 py-3">
                      <SeverityBadge level={service.criticality} />
                    </td>
                    <td className="px-3 py-3">
                      <ScoreBar score={service.latestScore} />
                    </td>
                    <td className="px-3 py-3 whitespace-nowrap">{service.lastAssessedAt ? formatDate(service.lastAssessedAt) : "Never"}</td>
                    <td className="px-5 py-3 text-right tabular-nums">
                      {open}
                      {service.openFindings.critical ? (
                        <span className="ml-2 text-xs font-semibold text-rose-700 dark:text-rose-300">
                          {service.openFindings.critical} critical
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
          </DataTable>
        </Card>
      )}
    </>
  );
}
