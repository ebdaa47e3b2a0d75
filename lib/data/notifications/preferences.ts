// Each person chooses, per kind of notification, email at once, in the daily
// digest, or not at all (the app's notification centre always has it).
import "server-only";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { defaultEmailMode, isNotificationKind, NOTIFICATION_KIND_NAMES, type EmailModeName, type NotificationKind } from "../../notify/kinds";

const toDb = { immediate: "IMMEDIATE", digest: "DIGEST", off: "OFF" } as const;
const fromDb = { IMMEDIATE: "immediate", DIGEST: "digest", OFF: "off" } as const;

export async function getPreferences(principal: Principal): Promise<Record<NotificationKind, EmailModeName>> {
  const rows = await getPrisma().notificationPreference.findMany({ where: { userId: principal.userId } });
  const chosen = new Map(rows.map((r) => [r.kind, fromDb[r.email]]));
  return Object.fromEntries(NOTIFICATION_KIND_NAMES.map((k) => [k, chosen.get(k) ?? defaultEmailMode(k)])) as Record<NotificationKind, EmailModeName>;
}

/** Saves the modes given (kinds not named keep theirs); a mode equal to the default is kept too, so a later change of defaults does not move it. */
export async function savePreferences(userId: string, modes: Partial<Record<NotificationKind, EmailModeName>>): Promise<number> {
  const entries = Object.entries(modes).filter(([k]) => isNotificationKind(k)) as [NotificationKind, EmailModeName][];
  await getPrisma().$transaction(
    entries.map(([kind, mode]) =>
      getPrisma().notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, email: toDb[mode] },
        update: { email: toDb[mode] },
      }),
    ),
  );
  return entries.length;
}

/** A one-click unsubscribe (RFC 8058): turns email off for the kinds the signed link names, and records it. */
export async function unsubscribe(userId: string, kinds: NotificationKind[], context: RequestContext): Promise<boolean> {
  const user = await getPrisma().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) return false;
  await savePreferences(user.id, Object.fromEntries(kinds.map((k) => [k, "off"])));
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "notification.unsubscribed",
      ...eventBy({ userId: user.id, email: user.email }, context, new Date()),
      ...about("user", user.id),
      after: { kinds },
    }),
  );
  return true;
}
