import type { Metadata } from "next";
import { LaunchCampaignForm } from "@/components/campaigns/launch-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePrincipal } from "@/lib/auth/current";
import { recordRefusal } from "@/lib/audit/refusal";
import { campaignChecklistVersions, campaignTeams } from "@/lib/data/campaigns/launch";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Launch a campaign" };

export default async function NewCampaignPage() {
  const principal = await requirePrincipal();
  const teams = await campaignTeams(principal);
  if (teams.length === 0) {
    await recordRefusal(principal, "page", "/campaigns/new");
    notFound();
  }
  const versions = await campaignChecklistVersions();
  return (
    <>
      <PageHeader
        title="Launch a campaign"
        description="Choose the services (by team and tier), the checklist version they should reach, and a deadline. Each service's leads and reviewers are told; progress shows as assessments are approved."
      />
      <Card>
        <LaunchCampaignForm teams={teams} versions={versions} />
      </Card>
    </>
  );
}
