import { describe, expect, it } from "vitest";
import { ACCOUNT_FAILURES_PER_HOUR, ADDRESS_FAILURES_PER_HOUR, backoffSeconds, isThrottled, MAX_BACKOFF_SECONDS } from "./throttle";

const NOW = new Date("2026-11-22T12:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const quiet = { accountFailuresLastHour: 0, addressFailuresLastHour: 0, consecutiveFailures: 0, lastFailureAt: null };

describe("sign-in throttle", () => {
  it("lets a first attempt through", () => {
    expect(isThrottled(quiet, NOW)).toBe(false);
  });

  it("refuses once the account reached its hourly failures, however long ago the last one was", () => {
    const history = { ...quiet, accountFailuresLastHour: ACCOUNT_FAILURES_PER_HOUR, consecutiveFailures: 0, lastFailureAt: ago(3000) };
    expect(isThrottled(history, NOW)).toBe(true);
    expect(isThrottled({ ...history, accountFailuresLastHour: ACCOUNT_FAILURES_PER_HOUR - 1 }, NOW)).toBe(false);
  });

  it("refuses an address that failed too often across accounts", () => {
    expect(isThrottled({ ...quiet, addressFailuresLastHour: ADDRESS_FAILURES_PER_HOUR }, NOW)).toBe(true);
  });

  it("backs off exponentially after a few failures in a row, up to a ceiling", () => {
    expect([4, 5, 6, 7, 30].map(backoffSeconds)).toEqual([0, 1, 2, 4, MAX_BACKOFF_SECONDS]);
    const history = { ...quiet, accountFailuresLastHour: 8, consecutiveFailures: 8 };
    expect(isThrottled({ ...history, lastFailureAt: ago(7) }, NOW)).toBe(true);
    expect(isThrottled({ ...history, lastFailureAt: ago(8) }, NOW)).toBe(false);
  });
});
