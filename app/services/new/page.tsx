import type { Metadata } from "next";
import { ServiceForm } from "@/components/services/service-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { listTeamsForServices } from "@/lib/data/services/manage-services";

export const metadata: Metadata = { title: "Add a service" };

export default async function NewServicePage() {
  // Reviewers and leads of some team; the action checks the chosen team again.
  const principal = await requirePagePermission("/services/new", (p) => p.memberships.some((m) => can(p, "service.create", { teamId: m.teamId })));
  const teams = await listTeamsForServices(principal);
  return (
    <>
      <PageHeader title="Add a service" description="It joins the team's portfolio at once; assess it from its page." />
      <Card>
        <ServiceForm teams={teams} />
      </Card>
    </>
  );
}
