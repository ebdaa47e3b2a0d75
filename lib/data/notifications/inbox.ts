// The in-app notification centre: a person's own notifications, and nothing
// else (scoped by their user id in every query). An event reaches a person only
// if they could read its team when it was fanned out; one whose team they have
// since left is hidden too (the team's read scope is applied again here).
import "server-only";
import { readScope, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { NotFoundError } from "../errors";
import { teamIdsVisibleTo } from "../scope";

const mine = (principal: Principal): Prisma.NotificationWhereInput => ({ userId: principal.userId, event: { teamId: teamIdsVisibleTo(principal) } });

export async function unreadCount(principal: Principal): Promise<number> {
  if (principal.apiToken || principal.integration || principal.mustChangePassword) return 0;
  return getPrisma().notification.count({ where: { ...mine(principal), readAt: null } });
}

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  summary: string;
  path: string;
  occurredAt: Date;
  read: boolean;
}

export async function listInbox(principal: Principal, options: { unreadOnly?: boolean; take?: number } = {}): Promise<InboxItem[]> {
  const rows = await getPrisma().notification.findMany({
    where: { ...mine(principal), ...(options.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
    include: { event: { select: { kind: true, title: true, summary: true, path: true, occurredAt: true } } },
  });
  return rows.map((r) => ({ id: r.id, ...r.event, read: r.readAt !== null }));
}

/** Marks one notification read and returns where it leads. */
export async function openNotification(principal: Principal, id: string): Promise<string> {
  const row = await getPrisma().notification.findFirst({ where: { ...mine(principal), id }, include: { event: { select: { path: true } } } });
  if (!row) throw new NotFoundError();
  if (!row.readAt) await getPrisma().notification.update({ where: { id: row.id }, data: { readAt: new Date() } });
  // Paths are written by Twelvefold itself; still, only a path on this site is followed.
  return /^\/(?![/\\])/.test(row.event.path) ? row.event.path : "/notifications";
}

/** Marks every notification read; someone who may read no team at all has none to mark (default deny). */
export async function markAllRead(principal: Principal): Promise<number> {
  const scope = readScope(principal);
  if (scope.kind === "teams" && scope.teamIds.length === 0) throw new NotFoundError();
  const { count } = await getPrisma().notification.updateMany({ where: { ...mine(principal), readAt: null }, data: { readAt: new Date() } });
  return count;
}
