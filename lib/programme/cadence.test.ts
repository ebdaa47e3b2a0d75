import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVALS, reviewDueFor, reviewState } from "./cadence";

describe("review cadence by tier", () => {
  const approved = new Date("2026-01-01T10:00:00Z");
  it("dates each tier's next review its own interval after the last approval", () => {
    expect(reviewDueFor(approved, "critical", DEFAULT_INTERVALS)?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(reviewDueFor(approved, "high", DEFAULT_INTERVALS)?.toISOString()).toBe("2026-06-30T10:00:00.000Z");
    expect(reviewDueFor(approved, "medium", DEFAULT_INTERVALS)?.toISOString()).toBe("2027-01-01T10:00:00.000Z");
    expect(reviewDueFor(approved, "low", { ...DEFAULT_INTERVALS, low: 30 })?.toISOString()).toBe("2026-01-31T10:00:00.000Z");
    expect(reviewDueFor(null, "critical", DEFAULT_INTERVALS)).toBeNull();
  });
  it("calls a review overdue on its day, due soon within 14 days, and current before", () => {
    const due = new Date("2026-04-01T10:00:00Z");
    expect(reviewState(null, due)).toBe("never");
    expect(reviewState(due, due)).toBe("overdue");
    expect(reviewState(due, new Date("2026-03-18T10:00:00Z"))).toBe("due_soon");
    expect(reviewState(due, new Date("2026-03-18T09:59:59Z"))).toBe("current");
  });
});
