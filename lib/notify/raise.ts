// Raising a notification: one row, written in the transaction of the change it
// tells of, with the job that fans it out. So an event exists exactly when its
// change committed, and the web request that made it sends nothing itself: the
// worker does (lib/notify/fanout.ts). `key` makes an event once: raising the
// same key again does nothing.
import type { Prisma } from "../generated/prisma/client";
import { enqueue } from "../queue/enqueue";
import { NOTIFY_FANOUT_QUEUE } from "../queue/queues";
import { cleanText, clip } from "../text/clean";
import type { NotificationKind } from "./kinds";

export interface RaisedEvent {
  kind: NotificationKind;
  key: string;
  teamId: string;
  subject: { type: "assessment" | "finding" | "campaign" | "service" | "webhook"; id: string };
  /** Where it is read in the app, a path such as /assessments/<id>. */
  path: string;
  title: string;
  summary?: string;
  /** People it is for besides the kind's roles in the team. */
  userIds?: string[];
  /** Who caused it: never told of their own act. */
  actorId?: string | null;
  occurredAt?: Date;
}

function row(event: RaisedEvent): Prisma.NotificationEventCreateManyInput {
  return {
    kind: event.kind,
    key: clip(cleanText(event.key), 300),
    teamId: event.teamId,
    subjectType: event.subject.type,
    subjectId: event.subject.id,
    path: event.path,
    title: clip(cleanText(event.title), 300),
    summary: clip(cleanText(event.summary ?? ""), 2000),
    userIds: [...new Set(event.userIds ?? [])],
    actorId: event.actorId ?? null,
    occurredAt: event.occurredAt,
  };
}

/** Records events (those whose key is new) and queues their fan-out, in the caller's transaction. */
export async function raiseEvents(tx: Prisma.TransactionClient, events: RaisedEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const created = await tx.notificationEvent.createManyAndReturn({ data: events.map(row), skipDuplicates: true, select: { id: true } });
  const ids = created.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 500) await enqueue(tx, NOTIFY_FANOUT_QUEUE, { eventIds: ids.slice(i, i + 500) });
  return ids;
}

export const raiseEvent = (tx: Prisma.TransactionClient, event: RaisedEvent) => raiseEvents(tx, [event]);
