import { describe, expect, it } from "vitest";
import { reviewDueOn, sortServices } from "./sort";

const service = (name: string, latestScore: number | null, lastAssessedAt: string | null, open: number, intervalDays = 180) => ({
  name,
  team: { name: "Team" },
  latestScore,
  lastAssessedAt: lastAssessedAt ? new Date(lastAssessedAt) : null,
  reviewDue: reviewDueOn(lastAssessedAt ? new Date(lastAssessedAt) : null, intervalDays),
  openFindings: { critical: open, high: 0 },
});
const rows = [service("b", 70, "2026-05-01", 1), service("a", null, null, 0), service("c", 40.5, "2026-01-01", 5)];
const names = (sorted: { name: string }[]) => sorted.map((s) => s.name);

describe("sortServices", () => {
  it("orders by team and name by default", () => expect(names(sortServices(rows, "name"))).toEqual(["a", "b", "c"]));
  it("puts the lowest score first and the never assessed last", () => expect(names(sortServices(rows, "score"))).toEqual(["c", "b", "a"]));
  it("puts the never assessed first, then the longest ago", () => expect(names(sortServices(rows, "assessed"))).toEqual(["a", "c", "b"]));
  it("puts the never assessed first, then the review due soonest", () => {
    // Assessed later but on a shorter interval: due sooner than the one assessed longer ago.
    const mixed = [service("long", 70, "2026-01-01", 0, 365), service("short", 70, "2026-05-01", 0, 90), service("never", null, null, 0)];
    expect(names(sortServices(mixed, "due"))).toEqual(["never", "short", "long"]);
    expect(names(sortServices(mixed, "assessed"))).toEqual(["never", "long", "short"]);
  });
  it("dates a review its interval after the last approval", () => {
    expect(reviewDueOn(new Date("2026-01-01T10:00:00Z"), 90)?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(reviewDueOn(null, 90)).toBeNull();
  });
  it("puts the most open findings first", () => expect(names(sortServices(rows, "findings"))).toEqual(["c", "b", "a"]));
  it("leaves its input alone", () => {
    sortServices(rows, "score");
    expect(names(rows)).toEqual(["b", "a", "c"]);
  });
});
