import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { requirePrincipal } from "@/lib/auth/current";
import { mayManageTokens } from "@/lib/auth/policy";
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
        <div className="flex flex-wrap gap-2">
          <Link href="/notifications/settings" className={buttonClass("outline", "md")}>
            Email settings
          </Link>
          {mayManageTokens(principal) ? (
            <Link href="/webhooks" className={buttonClass("outline", "md")}>
              Team webhooks
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <NotificationList items={items} />
    </>
  );
}
