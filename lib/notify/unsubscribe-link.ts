// Reading a one-click unsubscribe link's token into a person and the kinds it names.
import { isNotificationKind, type NotificationKind } from "./kinds";
import { readUnsubscribeToken } from "./seal";

export function readUnsubscribeLink(token: string | null | undefined): { userId: string; kinds: NotificationKind[] } | null {
  if (!token) return null;
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const kinds = read.kind.split(",");
  if (kinds.length === 0 || !kinds.every(isNotificationKind)) return null;
  return { userId: read.userId, kinds: kinds as NotificationKind[] };
}
