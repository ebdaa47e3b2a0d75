import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { ProgrammeForm } from "@/components/admin/programme-form";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { getProgrammeSettings } from "@/lib/data/programme/settings";

export const metadata: Metadata = { title: "Review cadence" };

export default async function ProgrammePage() {
  await requirePagePermission("/admin/programme", (p) => can(p, "admin.manage", "org"));
  const settings = await getProgrammeSettings();
  return (
    <>
      <AdminPageHeader
        title="Review cadence"
        description="How often each tier of service is reviewed, and which risks need a second lead. Changes are in the audit trail."
      />
      <Card>
        <CardHeader
          title="Programme settings"
          description="A service is due for review its tier's interval after its last approval; due soon 14 days before. Teams are told by the daily scan."
        />
        <ProgrammeForm intervals={settings.intervals} fourEyes={settings.fourEyes} />
      </Card>
    </>
  );
}
