import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { requirePrincipal } from "@/lib/auth/current";
import { listInbox } from "@/lib/data/notifications/inbox";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const principal = await requirePrincipal();
  const items = await listInbox(principal);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What needed you, newest first: reviews to sign off, findings due, risk acceptances ending, campaigns. Only your teams' records."
      >
        <Link href="/notifications/settings" className={buttonClass("outline", "md")}>
          Email settings
        </Link>
      </PageHeader>
      <NotificationList items={items} />
    </>
  );
}
