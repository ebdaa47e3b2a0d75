// The daily digest: each person's emails that chose "digest" since the last
// one, gathered into one message. One digest per person per day (a unique row),
// so a second run on the same day, or two workers at once, adds nothing twice.
import "server-only";
import { getPrisma } from "../db/prisma";
import { enqueueMany } from "../queue/enqueue";
import { DELIVER_EMAIL_QUEUE } from "../queue/queues";

export async function buildDigests(now: Date = new Date()): Promise<{ people: number; items: number }> {
  const prisma = getPrisma();
  const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const waiting = await prisma.$queryRaw<{ user_id: string }[]>`
    SELECT DISTINCT user_id FROM deliveries WHERE digest AND status = 'pending' AND user_id IS NOT NULL`;
  let people = 0;
  let items = 0;
  for (let i = 0; i < waiting.length; i += 200) {
    const users = waiting.slice(i, i + 200).map((w) => w.user_id);
    const done = await prisma.$transaction(
      async (tx) => {
        // One digest row per person and day. Items go only into a digest made now: one made by an
        // earlier run today may be going out already, so what came since waits for tomorrow's.
        const digests = await tx.$queryRaw<{ id: string; user_id: string; fresh: boolean }[]>`
          INSERT INTO deliveries (channel, user_id, digest_day)
          SELECT 'email', u, ${day}::date FROM unnest(${users}::uuid[]) AS u
          ON CONFLICT (user_id, digest_day) DO UPDATE SET digest_day = EXCLUDED.digest_day
          RETURNING id, user_id, (xmax = 0) AS fresh`;
        const open = digests.filter((d) => d.fresh);
        const moved = await tx.$executeRaw`
          UPDATE deliveries d SET digest_id = g.id, status = 'digested'
          FROM deliveries g
          WHERE g.id = ANY(${open.map((o) => o.id)}::uuid[]) AND d.user_id = g.user_id
            AND d.digest AND d.status = 'pending' AND d.created_at <= ${now}`;
        await enqueueMany(
          tx,
          DELIVER_EMAIL_QUEUE,
          open.map((o) => ({ deliveryId: o.id })),
        );
        return { people: open.length, items: moved };
      },
      { timeout: 60_000 },
    );
    people += done.people;
    items += done.items;
  }
  return { people, items };
}
