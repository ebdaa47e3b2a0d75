// The worker's periodic anchor (every 15 minutes, through pg-boss, once across
// all workers): a signed checkpoint of the chain's head into the security log
// stream, which the operator ships off this server. With the head written there
// at every event as well, removing the newest events is seen against the log.
import "server-only";
import { getPrisma } from "../db/prisma";
import { makeCheckpoint, type Checkpoint } from "./checkpoint";
import { currentAuditKey } from "./key";
import { logCheckpoint } from "./security-log";

export const AUDIT_ANCHOR_CRON = "*/15 * * * *";

export async function anchorChainHead(now: Date = new Date()): Promise<Checkpoint | null> {
  const [head] = await getPrisma().$queryRaw<{ seq: string; id: string; hash: string }[]>`
    SELECT seq::text, id::text, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1`;
  if (!head) return null;
  const checkpoint = makeCheckpoint(currentAuditKey(), head, now);
  logCheckpoint(checkpoint);
  return checkpoint;
}
