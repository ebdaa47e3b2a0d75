import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FAILURES_PER_HOUR,
  ADDRESS_FAILURES_PER_HOUR,
  backoffSeconds,
  isThrottled,
  MAX_BACKOFF_SECONDS,
  maxGuessesPerHour,
  PAIR_FAILURES_PER_HOUR,
  UNDER_ATTACK_FAILURES_PER_ADDRESS,
  type AttemptHistory,
} from "./throttle";

const NOW = new Date("2026-11-22T12:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const quiet: AttemptHistory = { accountFailuresLastHour: 0, pairFailuresLastHour: 0, addressFailuresLastHour: 0, consecutiveFailures: 0, lastFailureAt: null };

describe("sign-in throttle", () => {
  it("lets a first attempt through", () => {
    expect(isThrottled(quiet, NOW)).toBe(false);
  });

  it("lets an address with no failures on an account through, however many failures the account had elsewhere", () => {
    expect(isThrottled({ ...quiet, accountFailuresLastHour: 10_000 }, NOW)).toBe(false);
    expect(isThrottled({ ...quiet, accountFailuresLastHour: 10_000, pairFailuresLastHour: UNDER_ATTACK_FAILURES_PER_ADDRESS - 1 }, NOW)).toBe(false);
  });

  it("refuses an address that keeps failing on an account under attack", () => {
    expect(isThrottled({ ...quiet, accountFailuresLastHour: ACCOUNT_FAILURES_PER_HOUR, pairFailuresLastHour: UNDER_ATTACK_FAILURES_PER_ADDRESS }, NOW)).toBe(
      true,
    );
    expect(
      isThrottled({ ...quiet, accountFailuresLastHour: ACCOUNT_FAILURES_PER_HOUR - 1, pairFailuresLastHour: UNDER_ATTACK_FAILURES_PER_ADDRESS }, NOW),
    ).toBe(false);
  });

  it("refuses an account and address pair at its hourly failures, however long ago the last one was", () => {
    const history = { ...quiet, accountFailuresLastHour: PAIR_FAILURES_PER_HOUR, pairFailuresLastHour: PAIR_FAILURES_PER_HOUR, lastFailureAt: ago(3000) };
    expect(isThrottled(history, NOW)).toBe(true);
    expect(isThrottled({ ...history, pairFailuresLastHour: PAIR_FAILURES_PER_HOUR - 1 }, NOW)).toBe(false);
  });

  it("refuses an address that failed too often across accounts", () => {
    expect(isThrottled({ ...quiet, addressFailuresLastHour: ADDRESS_FAILURES_PER_HOUR }, NOW)).toBe(true);
  });

  it("backs off exponentially after a few failures in a row, up to a ceiling", () => {
    expect([4, 5, 6, 7, 30].map(backoffSeconds)).toEqual([0, 1, 2, 4, MAX_BACKOFF_SECONDS]);
    const history = { ...quiet, accountFailuresLastHour: 8, pairFailuresLastHour: 8, consecutiveFailures: 8 };
    expect(isThrottled({ ...history, lastFailureAt: ago(7) }, NOW)).toBe(true);
    expect(isThrottled({ ...history, lastFailureAt: ago(8) }, NOW)).toBe(false);
  });

  it("bounds the guesses per account an hour to 100 + 3 per attacking address (the README's figure)", () => {
    expect(maxGuessesPerHour(1)).toBe(20);
    expect(maxGuessesPerHour(10)).toBe(130);
    expect(maxGuessesPerHour(1000)).toBe(3100);
  });
});
