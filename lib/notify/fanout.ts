// The fan-out jobs: batches of events fanned out by lib/notify/fanout-core.ts.
import "server-only";
import { getPrisma } from "../db/prisma";
import { fanOut, type FanoutResult } from "./fanout-core";

export type { FanoutResult };

/** Fans out the given events in one transaction (the fan-out job). */
export async function fanOutEvents(eventIds: string[]): Promise<FanoutResult> {
  return getPrisma().$transaction((tx) => fanOut(tx, eventIds), { timeout: 60_000 });
}

/** Fans out every event still waiting (the scan's own events, and any a lost job left), in batches. */
export async function fanOutWaiting(batch = 500): Promise<FanoutResult> {
  const total: FanoutResult = { events: 0, notifications: 0, emails: 0, webhooks: 0 };
  for (;;) {
    const waiting = await getPrisma().notificationEvent.findMany({
      where: { fannedOutAt: null },
      orderBy: { occurredAt: "asc" },
      take: batch,
      select: { id: true },
    });
    if (waiting.length === 0) return total;
    const done = await fanOutEvents(waiting.map((w) => w.id));
    if (done.events === 0) return total; // another worker holds them
    for (const key of Object.keys(total) as (keyof FanoutResult)[]) total[key] += done[key];
  }
}
