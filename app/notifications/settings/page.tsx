import type { Metadata } from "next";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePrincipal } from "@/lib/auth/current";
import { getPreferences } from "@/lib/data/notifications/preferences";
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS } from "@/lib/notify/kinds";

export const metadata: Metadata = { title: "Email settings" };

export default async function NotificationSettingsPage() {
  const principal = await requirePrincipal();
  const current = await getPreferences(principal);
  const kinds = NOTIFICATION_KIND_NAMES.map((kind) => ({
    kind,
    label: NOTIFICATION_KINDS[kind].label,
    group: NOTIFICATION_KINDS[kind].group,
    mode: current[kind],
  }));
  return (
    <>
      <PageHeader
        title="Email settings"
        description={`How each kind of notification reaches ${principal.email} by email: at once, in one daily digest, or not at all. The bell in the header always shows them. Every email has a one-click unsubscribe for its kind.`}
      />
      <Card>
        <PreferencesForm kinds={kinds} />
      </Card>
    </>
  );
}
