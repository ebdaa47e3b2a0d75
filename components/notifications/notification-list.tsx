"use client";

import { useActionState } from "react";
import { markAllReadAction, openNotificationAction } from "@/app/notifications/actions";
import { Card, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FormResult } from "@/components/ui/form";
import { useActionThenGo } from "@/components/ui/use-action-then-go";
import type { InboxItem } from "@/lib/data/notifications/inbox";
import { kindLabel } from "@/lib/notify/kinds";

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The notification centre: each one opens its record (and is marked read); all can be marked read at once. */
export function NotificationList({ items }: { items: InboxItem[] }) {
  const [state, markAll, pending] = useActionState(markAllReadAction, { ok: false, message: null });
  const { run: open } = useActionThenGo(openNotificationAction, (data) => data.path);
  if (items.length === 0) {
    return (
      <Card>
        <EmptyState title="Nothing yet">When an assessment waits for you, a finding is due or a campaign starts, it shows here.</EmptyState>
      </Card>
    );
  }
  const unread = items.filter((i) => !i.read).length;
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-5 py-3">
        <p className="text-sm text-muted">{unread ? `${unread} unread` : "All read"}</p>
        <form action={markAll} className="flex items-center gap-2">
          <Button type="submit" variant="outline" size="sm" disabled={pending || unread === 0}>
            Mark all read
          </Button>
          <div aria-live="polite">
            <FormResult state={state} />
          </div>
        </form>
      </div>
      <ul className="divide-y divide-line-soft">
        {items.map((item) => (
          <li key={item.id} className={item.read ? "" : "bg-indigo-50/60 dark:bg-indigo-950/30"}>
            <form action={open} className="px-5 py-3">
              <input type="hidden" name="notificationId" value={item.id} />
              <button type="submit" className="w-full text-left">
                <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className={`text-sm ${item.read ? "" : "font-semibold"} text-link hover:underline`}>
                    {item.read ? null : <span className="sr-only">Unread: </span>}
                    {item.title}
                  </span>
                  <time dateTime={item.occurredAt.toISOString()} className="text-xs text-muted">
                    {when(item.occurredAt)}
                  </time>
                </span>
                {item.summary ? <span className="mt-0.5 block text-sm text-soft">{item.summary}</span> : null}
                <span className="mt-0.5 block text-xs text-muted">{kindLabel(item.kind)}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </Card>
  );
}
