// Recomputes the audit trail's hash chain from the first event to the last.
import type pg from "pg";
import { auditHash, type AuditCategory } from "./chain";

export type ChainReport = { ok: true; events: number } | { ok: false; events: number; brokenAt: string; reason: string };

interface Row {
  id: string;
  occurred_at: Date;
  category: AuditCategory;
  action: string;
  actor_id: string | null;
  actor_label: string;
  team_id: string | null;
  target_type: string | null;
  target_id: string | null;
  ip_address: string | null;
  user_agent: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string | null;
  hash: string;
}

export async function verifyAuditChain(client: pg.Client, batch = 5000): Promise<ChainReport> {
  let previous: string | null = null;
  let lastId = "0";
  let events = 0;
  for (;;) {
    const { rows } = await client.query<Row>(
      `SELECT id::text, occurred_at, category::text, action, actor_id, actor_label, team_id, target_type, target_id,
              ip_address, user_agent, before, after, prev_hash, hash
         FROM audit_events WHERE audit_events.id > $1::bigint ORDER BY audit_events.id LIMIT $2`,
      [lastId, batch],
    );
    for (const row of rows) {
      events += 1;
      if (row.prev_hash !== previous) return { ok: false, events, brokenAt: row.id, reason: "does not follow the event before it" };
      const expected = auditHash(previous, {
        occurredAt: row.occurred_at,
        category: row.category,
        action: row.action,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        teamId: row.team_id,
        targetType: row.target_type,
        targetId: row.target_id,
        ipAddress: row.ip_address,
        userAgent: row.user_agent,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) return { ok: false, events, brokenAt: row.id, reason: "its content does not match its hash" };
      previous = row.hash;
      lastId = row.id;
    }
    if (rows.length < batch) return { ok: true, events };
  }
}
