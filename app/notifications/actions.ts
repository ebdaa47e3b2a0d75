"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/action";
import { markAllRead, openNotification } from "@/lib/data/notifications/inbox";
import { savePreferences } from "@/lib/data/notifications/preferences";
import { NOTIFICATION_KIND_NAMES, type NotificationKind } from "@/lib/notify/kinds";

export const openNotificationAction = signedInAction("notification.open", z.object({ notificationId: z.uuid() }), async (principal, input) => {
  const path = await openNotification(principal, input.notificationId);
  revalidatePath("/", "layout");
  return { ok: true, message: null, data: { path } };
});

export const markAllReadAction = signedInAction("notification.mark_all_read", z.object({}), async (principal) => {
  const count = await markAllRead(principal);
  revalidatePath("/", "layout");
  return { ok: true, message: count ? `${count} marked read.` : "Nothing was unread." };
});

const mode = z.enum(["immediate", "digest", "off"]);
const preferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KIND_NAMES.map((k) => [k, mode.optional()])) as Record<NotificationKind, z.ZodOptional<typeof mode>>,
);

export const savePreferencesAction = signedInAction("notification.preferences", preferencesSchema, async (principal, input) => {
  if (principal.apiToken || principal.integration) return { ok: false, message: "Not for tokens." };
  await savePreferences(principal.userId, input as Partial<Record<NotificationKind, "immediate" | "digest" | "off">>);
  revalidatePath("/notifications/settings");
  return { ok: true, message: "Saved. Each kind of notification reaches you by email as chosen; the app always shows it." };
});
