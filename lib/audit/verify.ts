// Checks the whole audit trail, from the first event to the last, and reports
// every break it finds (not only the first): the chain is followed from each row
// as stored, so one tampered row is one break and what comes after it is still
// checked.
import type pg from "pg";
import { auditHash, type AuditCategory } from "./chain";
import { checkpointSignedBy, type ChainHead, type Checkpoint } from "./checkpoint";
import { knownAuditKeys, macMatches, type AuditKey } from "./key";

export type BreakKind =
  | "content changed" // the row does not match its own hash
  | "link broken" // its prev_hash is not the hash of the event before it
  | "gap" // events are missing before it (its seq jumps)
  | "forged" // its MAC does not verify under the audit key: written by someone without the key
  | "unknown key" // its key id is none of the keys given
  | "unkeyed" // no MAC, after the chain was keyed
  | "checkpoint"; // a checkpoint's head is gone or differs (the tail was removed or rewritten)

export interface ChainBreak {
  id: string;
  seq: string;
  kind: BreakKind;
  detail: string;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  /** Events written before the chain was keyed: hash-chained, without a MAC. */
  unkeyed: number;
  head: ChainHead | null;
  breaks: ChainBreak[];
}

interface Row {
  id: string;
  seq: string;
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
  key_id: string | null;
  mac: string | null;
}

export async function verifyAuditChain(
  client: pg.Client,
  options: { keys?: Map<string, AuditKey>; checkpoint?: Checkpoint; batch?: number } = {},
): Promise<ChainReport> {
  const batch = options.batch ?? 5000;
  const keys = options.keys ?? knownAuditKeys();
  const breaks: ChainBreak[] = [];
  const flag = (row: Pick<Row, "id" | "seq">, kind: BreakKind, detail: string) => breaks.push({ id: row.id, seq: row.seq, kind, detail });
  let previous = null as Row | null;
  let keyed = false;
  let events = 0;
  let unkeyed = 0;
  let checkpointSeen = false;
  for (;;) {
    const { rows }: { rows: Row[] } = await client.query<Row>(
      `SELECT id::text, seq::text, occurred_at, category::text, action, actor_id, actor_label, team_id, target_type, target_id,
              ip_address, user_agent, before, after, prev_hash, hash, key_id, mac
         FROM audit_events WHERE ($1::bigint IS NULL OR (audit_events.seq, audit_events.id) > ($1::bigint, $2::bigint)) ORDER BY audit_events.seq, audit_events.id LIMIT $3`,
      [previous?.seq ?? null, previous?.id ?? null, batch],
    );
    for (const row of rows) {
      events += 1;
      const expectedSeq = previous ? BigInt(previous.seq) + 1n : 1n;
      const seq = BigInt(row.seq);
      if (seq > expectedSeq)
        flag(row, "gap", `${seq - expectedSeq} event(s) missing before it (seq ${expectedSeq}${seq - expectedSeq > 1n ? `–${seq - 1n}` : ""})`);
      else if (seq < expectedSeq) flag(row, "gap", `its seq ${seq} repeats or goes back (expected ${expectedSeq})`);
      if (row.prev_hash !== (previous?.hash ?? null)) flag(row, "link broken", "it does not follow the event before it");
      const content = {
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
      };
      if (row.key_id === null) {
        if (keyed || row.mac !== null) flag(row, "unkeyed", "it carries no MAC, though the chain was keyed before it");
        else unkeyed += 1;
        if (auditHash(row.prev_hash, content, null) !== row.hash) flag(row, "content changed", "its content does not match its hash");
      } else {
        keyed = true;
        if (auditHash(row.prev_hash, content, { seq: row.seq, keyId: row.key_id }) !== row.hash)
          flag(row, "content changed", "its content does not match its hash");
        const key = keys.get(row.key_id);
        if (!key) flag(row, "unknown key", `its key ${row.key_id} is not among the keys given (AUDIT_KEY, AUDIT_KEY_PREVIOUS)`);
        else if (!row.mac || !macMatches(key, row.hash, row.mac))
          flag(row, "forged", "its MAC does not verify: it was not written by Twelvefold with the audit key");
      }
      const cp = options.checkpoint;
      if (cp && row.seq === cp.seq) {
        checkpointSeen = true;
        if (row.hash !== cp.hash || row.id !== cp.id)
          flag(row, "checkpoint", `the checkpoint of ${cp.madeAt} recorded event ${cp.id} with hash ${cp.hash.slice(0, 12)}… at this place`);
      }
      previous = row;
    }
    if (rows.length < batch) break;
  }
  const cp = options.checkpoint;
  if (cp) {
    if (!checkpointSignedBy(cp, keys))
      breaks.push({ id: cp.id, seq: cp.seq, kind: "checkpoint", detail: "the checkpoint's signature does not verify under the audit key" });
    if (!checkpointSeen) {
      breaks.push({
        id: cp.id,
        seq: cp.seq,
        kind: "checkpoint",
        detail: `the head recorded by the checkpoint of ${cp.madeAt} is gone: events up to ${cp.seq} were removed (the chain now ends at ${previous?.seq ?? 0})`,
      });
    }
  }
  return { ok: breaks.length === 0, events, unkeyed, head: previous ? { seq: previous.seq, id: previous.id, hash: previous.hash } : null, breaks };
}

/** The head of the chain as it stands. */
export async function chainHead(client: pg.Client): Promise<ChainHead | null> {
  const { rows } = await client.query<ChainHead>("SELECT seq::text, id::text, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1");
  return rows[0] ?? null;
}
