// Sign-in throttling decisions, pure. The counts come from Postgres
// (sign_in_attempts), so every instance throttles alike.
//
// An attacker must not be able to lock anyone out, and must not be able to
// guess quickly. So failures are counted per account *and* address: the
// addresses that failed on an account are slowed and then refused, while the
// account's owner at an address that has not failed goes on signing in.
// Attempts refused by the throttle are not counted (they guessed nothing), so a
// refusal never renews itself.
//
// The resulting guess rate for one account, in any hour: from one address at
// most PAIR_FAILURES_PER_HOUR (20), the 6th onwards each after an exponential
// back-off; from all addresses together ACCOUNT_FAILURES_PER_HOUR (100), after
// which each address may fail at most UNDER_ATTACK_FAILURES_PER_ADDRESS (3)
// times more. An attacker with A addresses therefore makes at most
// 100 + 3·A guesses per account per hour, and each address at most
// ADDRESS_FAILURES_PER_HOUR (300) across all accounts.

/** Failures on one account from all addresses in an hour, before it counts as under attack. */
export const ACCOUNT_FAILURES_PER_HOUR = 100;
/** Failures on one account from one address in an hour. */
export const PAIR_FAILURES_PER_HOUR = 20;
/** While an account is under attack: failures one address may still have on it in the hour. */
export const UNDER_ATTACK_FAILURES_PER_ADDRESS = 3;
/** A wide per-address limit: stops one source spraying many accounts. */
export const ADDRESS_FAILURES_PER_HOUR = 300;
/** Failures in a row (account and address) before back-off starts, and its ceiling in seconds. */
export const FREE_FAILURES = 5;
export const MAX_BACKOFF_SECONDS = 300;

export interface AttemptHistory {
  /** This account, every address. */
  accountFailuresLastHour: number;
  /** This account from this address. */
  pairFailuresLastHour: number;
  /** This address, every account. */
  addressFailuresLastHour: number;
  /** This account from this address since its last successful sign-in there (within the hour). */
  consecutiveFailures: number;
  /** The latest of those. */
  lastFailureAt: Date | null;
}

/** Seconds to wait after the latest failure before another attempt is heard. */
export function backoffSeconds(consecutiveFailures: number): number {
  if (consecutiveFailures < FREE_FAILURES) return 0;
  return Math.min(2 ** (consecutiveFailures - FREE_FAILURES), MAX_BACKOFF_SECONDS);
}

export function isThrottled(history: AttemptHistory, now: Date): boolean {
  if (history.addressFailuresLastHour >= ADDRESS_FAILURES_PER_HOUR) return true;
  if (history.pairFailuresLastHour >= PAIR_FAILURES_PER_HOUR) return true;
  if (history.accountFailuresLastHour >= ACCOUNT_FAILURES_PER_HOUR && history.pairFailuresLastHour >= UNDER_ATTACK_FAILURES_PER_ADDRESS) return true;
  const wait = backoffSeconds(history.consecutiveFailures);
  return wait > 0 && history.lastFailureAt !== null && now.getTime() - history.lastFailureAt.getTime() < wait * 1000;
}

/** The most guesses per account an hour that these limits allow an attacker with `addresses` addresses. */
export function maxGuessesPerHour(addresses: number): number {
  return Math.min(ACCOUNT_FAILURES_PER_HOUR + UNDER_ATTACK_FAILURES_PER_ADDRESS * addresses, PAIR_FAILURES_PER_HOUR * addresses);
}
