import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader, PageHeader, Stat } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { Badge } from "@/components/ui/tone";
import { getCampaign } from "@/lib/data/campaigns/read";
import { pageRecord } from "@/lib/data/not-found";

export const metadata: Metadata = { title: "Campaign" };

const STATUS = { draft: "Draft under way", in_review: "Waiting for sign-off", completed: "Approved" } as Record<string, string>;

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: campaign } = await pageRecord(params, getCampaign);
  const approved = campaign.targets.filter((t) => t.approvedAt).length;
  const started = campaign.targets.filter((t) => t.assessmentId && !t.approvedAt).length;
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`Launched ${formatDate(campaign.launchedAt)} by ${campaign.launchedBy}: checklist ${campaign.checklistVersion} or later, by ${formatDate(campaign.deadline)}.`}
      >
        <span data-testid="campaign-state">
          {campaign.open ? (
            <Badge tone="info">Open</Badge>
          ) : (
            <Badge tone={campaign.closedReason === "completed" ? "success" : "danger"}>
              {campaign.closedReason === "completed" ? "Completed" : "Closed at deadline"} {campaign.closedAt ? formatDate(campaign.closedAt) : ""}
            </Badge>
          )}
        </span>
      </PageHeader>
      <div className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-3">
          <Stat label="Approved" value={`${approved} of ${campaign.targets.length}`} detail="Reviewed on the campaign's version or later" />
          <Stat label="Under way" value={started} detail="An assessment started or waiting for sign-off" />
          <Stat
            label={campaign.open ? "Not started" : "Missed"}
            value={campaign.targets.length - approved - started}
            detail={campaign.open ? "No assessment yet" : "Not approved by the deadline"}
          />
        </div>
        <Card>
          <CardHeader title="Progress by team" />
          <ul className="divide-y divide-line-soft text-sm">
            {campaign.teams.map((t) => (
              <li key={t.team} className="flex items-center justify-between gap-3 px-5 py-2.5">
                <span className="font-medium">{t.team}</span>
                <span className="flex items-center gap-3">
                  <progress
                    max={t.targets}
                    value={t.approved}
                    aria-label={`${t.team}: ${t.approved} of ${t.targets} approved`}
                    className="h-2 w-28 appearance-none overflow-hidden rounded-full sm:w-40 [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-bar]:bg-slate-700"
                  />
                  <span className="tabular-nums">
                    {t.approved} / {t.targets}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <TableCard
          caption="Services in the campaign"
          columns={["Service", "Team", "Tier", "Review"]}
          items={campaign.targets}
          row={(t) => (
            <tr key={t.serviceId}>
              <td className="px-5 py-3">
                <Link href={`/services/${t.slug}`} className="font-medium text-link hover:underline">
                  {t.service}
                </Link>
              </td>
              <td className="px-3 py-3">{t.team}</td>
              <td className="px-3 py-3 capitalize">{t.tier}</td>
              <td className="px-3 py-3">
                {t.approvedAt ? (
                  <span className="text-success">Approved {formatDate(t.approvedAt)}</span>
                ) : t.assessmentId ? (
                  <Link href={`/assessments/${t.assessmentId}`} className="text-link hover:underline">
                    {STATUS[t.assessmentStatus ?? "draft"] ?? "Under way"}
                  </Link>
                ) : (
                  <span className="text-muted">{campaign.open ? "Not started" : "Missed"}</span>
                )}
              </td>
            </tr>
          )}
        />
      </div>
    </>
  );
}
