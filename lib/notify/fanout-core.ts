// The worker's fan-out: for a batch of events, who hears of each (the kind's
// roles in the event's team, and the people it names, if they may still read
// the team), in the app, by email (as each person chose for that kind) and on
// the team's webhooks. Set-based, in one transaction per batch, so a batch is
// fanned out once: a retried job finds its events done. Every email and
// webhook delivery is a row with its stable id before any job sends it.
import { Prisma } from "../generated/prisma/client";
import { enqueueMany } from "../queue/enqueue";
import { DELIVER_EMAIL_QUEUE, DELIVER_WEBHOOK_QUEUE } from "../queue/queues";
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS, defaultEmailMode } from "./kinds";

type Tx = Prisma.TransactionClient;

/** (kind, role) pairs as SQL VALUES: which team roles hear of which kind. */
function kindRoles(): Prisma.Sql {
  const pairs = NOTIFICATION_KIND_NAMES.flatMap((kind) => NOTIFICATION_KINDS[kind].roles.map((role) => Prisma.sql`(${kind}, ${role})`));
  return Prisma.join(pairs);
}

/** (kind, default email mode) as SQL VALUES. */
function kindDefaults(): Prisma.Sql {
  return Prisma.join(NOTIFICATION_KIND_NAMES.map((kind) => Prisma.sql`(${kind}, ${defaultEmailMode(kind)})`));
}

export interface FanoutResult {
  events: number;
  notifications: number;
  emails: number;
  webhooks: number;
}

/** Fans out those of `eventIds` not yet fanned out; locks them so two workers never share one. */
export async function fanOut(tx: Tx, eventIds: string[]): Promise<FanoutResult> {
  const events = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM notification_events WHERE id = ANY(${eventIds}::uuid[]) AND fanned_out_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED`;
  const ids = events.map((e) => e.id);
  if (ids.length === 0) return { events: 0, notifications: 0, emails: 0, webhooks: 0 };
  // Recipients: active people holding one of the kind's roles in the team, and named
  // people who may read the team (a member in any role, or an admin); never the actor.
  await tx.$executeRaw`
    CREATE TEMP TABLE IF NOT EXISTS fanout_recipients (event_id uuid, user_id uuid, kind text) ON COMMIT DROP`;
  await tx.$executeRaw`TRUNCATE fanout_recipients`;
  await tx.$executeRaw`
    INSERT INTO fanout_recipients (event_id, user_id, kind)
    SELECT DISTINCT e.id, u.id, e.kind
    FROM notification_events e
    JOIN LATERAL (
      SELECT m.user_id FROM memberships m
       JOIN (VALUES ${kindRoles()}) AS kr(kind, role) ON kr.kind = e.kind AND kr.role::team_role = m.role
       WHERE m.team_id = e.team_id
      UNION
      SELECT named.id FROM unnest(e.user_ids) AS named(id)
       WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.team_id = e.team_id AND m.user_id = named.id)
          OR EXISTS (SELECT 1 FROM users a WHERE a.id = named.id AND a.is_admin)
    ) r ON true
    JOIN users u ON u.id = r.user_id
    WHERE e.id = ANY(${ids}::uuid[])
      AND u.disabled_at IS NULL AND u.scim_deleted_at IS NULL
      AND u.id IS DISTINCT FROM e.actor_id`;
  const notifications = await tx.$executeRaw`
    INSERT INTO notifications (event_id, user_id) SELECT event_id, user_id FROM fanout_recipients ON CONFLICT DO NOTHING`;
  const emails = await tx.$queryRaw<{ id: string; digest: boolean }[]>`
    INSERT INTO deliveries (event_id, channel, user_id, digest)
    SELECT r.event_id, 'email', r.user_id, COALESCE(p.email::text, d.mode) = 'digest'
    FROM fanout_recipients r
    JOIN (VALUES ${kindDefaults()}) AS d(kind, mode) ON d.kind = r.kind
    LEFT JOIN notification_preferences p ON p.user_id = r.user_id AND p.kind = r.kind
    WHERE COALESCE(p.email::text, d.mode) <> 'off'
    ON CONFLICT DO NOTHING
    RETURNING id, digest`;
  const webhooks = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO deliveries (event_id, channel, endpoint_id)
    SELECT e.id, 'webhook', w.id
    FROM notification_events e JOIN webhook_endpoints w ON w.team_id = e.team_id AND w.disabled_at IS NULL AND e.kind = ANY(w.kinds)
    WHERE e.id = ANY(${ids}::uuid[])
    ON CONFLICT DO NOTHING
    RETURNING id`;
  await tx.$executeRaw`UPDATE notification_events SET fanned_out_at = now() WHERE id = ANY(${ids}::uuid[])`;
  // Digest emails wait for the daily digest (lib/notify/digest.ts); the rest go now.
  await enqueueMany(
    tx,
    DELIVER_EMAIL_QUEUE,
    emails.filter((e) => !e.digest).map((e) => ({ deliveryId: e.id })),
  );
  await enqueueMany(
    tx,
    DELIVER_WEBHOOK_QUEUE,
    webhooks.map((w) => ({ deliveryId: w.id })),
  );
  return { events: ids.length, notifications, emails: emails.length, webhooks: webhooks.length };
}
