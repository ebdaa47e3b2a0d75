import { Bell } from "lucide-react";
import Link from "next/link";

/** The bell in the header: the unread count, leading to the notification centre. */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-600 hover:bg-subtle hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
    >
      <Bell className="h-5 w-5" aria-hidden="true" />
      {unread > 0 ? (
        <span
          data-testid="unread-count"
          className="absolute -right-0.5 -top-0.5 min-w-[1.15rem] rounded-full bg-rose-700 px-1 text-center text-[0.7rem] font-semibold leading-[1.15rem] text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
