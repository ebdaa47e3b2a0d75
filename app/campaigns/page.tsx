import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { TableCard } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { Badge } from "@/components/ui/tone";
import { requirePrincipal } from "@/lib/auth/current";
import { campaignTeams } from "@/lib/data/campaigns/launch";
import { listCampaigns } from "@/lib/data/campaigns/read";
import { SECTIONS } from "@/lib/navigation";

export const metadata: Metadata = { title: SECTIONS.campaigns.title };

export default async function CampaignsPage() {
  const principal = await requirePrincipal();
  const [campaigns, launchable] = await Promise.all([listCampaigns(principal), campaignTeams(principal)]);
  return (
    <>
      <PageHeader
        title={SECTIONS.campaigns.title}
        description="A push to review a set of services by a deadline. Each shows how far your teams have come; it closes itself when every service is reviewed, or at its deadline with what was missed."
      >
        {launchable.length ? (
          <Link href="/campaigns/new" className={buttonClass("primary", "md", "shadow-sm")}>
            Launch a campaign
          </Link>
        ) : null}
      </PageHeader>
      <TableCard
        caption="Campaigns over your teams' services"
        columns={["Campaign", "Deadline", "State", { label: "Approved of targets", align: "right" }]}
        items={campaigns}
        empty={<EmptyState title="No campaigns yet">A lead or an administrator launches one over a set of services.</EmptyState>}
        row={(c) => (
          <tr key={c.id}>
            <td className="px-5 py-3">
              <Link href={`/campaigns/${c.id}`} className="font-medium text-link hover:underline">
                {c.name}
              </Link>
            </td>
            <td className="whitespace-nowrap px-3 py-3">{formatDate(c.deadline)}</td>
            <td className="px-3 py-3">
              {c.open ? (
                <Badge tone="info">Open</Badge>
              ) : (
                <Badge tone={c.closedReason === "completed" ? "success" : "danger"}>
                  {c.closedReason === "completed" ? "Completed" : "Closed at deadline"}
                </Badge>
              )}
            </td>
            <td className="px-5 py-3 text-right tabular-nums">
              {c.approved} / {c.targets}
            </td>
          </tr>
        )}
      />
    </>
  );
}
