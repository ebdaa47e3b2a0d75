import "server-only";
import { currentAuditKey } from "../audit/key";
import { getPrisma } from "../db/prisma";

export const READINESS_TIMEOUT_MS = 2_000;

export type Readiness = { ready: true } | { ready: false; reason: "database unreachable" | "audit key unavailable" };

/**
 * Whether this instance can serve requests: its database answers within the
 * timeout. Says nothing about why not beyond that, since load balancers and
 * anyone else may call it.
 */
export async function checkReadiness(timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  // Without its audit key an instance could record nothing: every change would fail. Not ready, then.
  try {
    currentAuditKey();
  } catch {
    return { ready: false, reason: "audit key unavailable" };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const answered = await Promise.race([getPrisma().$queryRaw`SELECT 1`.then(() => true), timeout]);
    return answered ? { ready: true } : { ready: false, reason: "database unreachable" };
  } catch {
    return { ready: false, reason: "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
