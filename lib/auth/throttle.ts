// Sign-in throttling decisions, pure. The counts come from Postgres
// (sign_in_attempts), so every instance throttles alike.

/** At most this many failed sign-ins per account in an hour (the limit). */
export const ACCOUNT_FAILURES_PER_HOUR = 100;
/** A wide per-address limit: stops one source spraying many accounts. */
export const ADDRESS_FAILURES_PER_HOUR = 300;
/** Failures in a row before back-off starts, and its ceiling in seconds. */
export const FREE_FAILURES = 5;
export const MAX_BACKOFF_SECONDS = 300;

export interface AttemptHistory {
  accountFailuresLastHour: number;
  addressFailuresLastHour: number;
  /** Failures since the account's last successful sign-in (within the hour). */
  consecutiveFailures: number;
  lastFailureAt: Date | null;
}

/** Seconds to wait after the latest failure before another attempt is heard. */
export function backoffSeconds(consecutiveFailures: number): number {
  if (consecutiveFailures < FREE_FAILURES) return 0;
  return Math.min(2 ** (consecutiveFailures - FREE_FAILURES), MAX_BACKOFF_SECONDS);
}

export function isThrottled(history: AttemptHistory, now: Date): boolean {
  if (history.accountFailuresLastHour >= ACCOUNT_FAILURES_PER_HOUR) return true;
  if (history.addressFailuresLastHour >= ADDRESS_FAILURES_PER_HOUR) return true;
  const wait = backoffSeconds(history.consecutiveFailures);
  return wait > 0 && history.lastFailureAt !== null && now.getTime() - history.lastFailureAt.getTime() < wait * 1000;
}
