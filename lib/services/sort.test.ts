import { describe, expect, it } from "vitest";
import { reviewDueFor } from "../programme/cadence";
import { sortServices } from "./sort";

const service = (name: string, latestScore: number | null, lastAssessedAt: string | null, open: number, tier: "critical" | "low" = "low") => ({
  name,
  team: { name: "Team" },
  latestScore,
  lastAssessedAt: lastAssessedAt ? new Date(lastAssessedAt) : null,
  reviewDue: reviewDueFor(lastAssessedAt ? new Date(lastAssessedAt) : null, tier, { critical: 90, high: 180, medium: 365, low: 365 }),
  openFindings: { critical: open, high: 0 },
});
const rows = [service("b", 70, "2026-05-01", 1), service("a", null, null, 0), service("c", 40.5, "2026-01-01", 5)];
const names = (sorted: { name: string }[]) => sorted.map((s) => s.name);

describe("sortServices", () => {
  it("orders by team and name by default", () => expect(names(sortServices(rows, "name"))).toEqual(["a", "b", "c"]));
  it("puts the lowest score first and the never assessed last", () => expect(names(sortServices(rows, "score"))).toEqual(["c", "b", "a"]));
  it("puts the never assessed first, then the longest ago", () => expect(names(sortServices(rows, "assessed"))).toEqual(["a", "c", "b"]));
  it("puts the never assessed first, then the review due soonest", () => {
    // Assessed later but critical (a shorter interval): due sooner than the low-tier one assessed longer ago.
    const mixed = [service("long", 70, "2026-01-01", 0, "low"), service("short", 70, "2026-05-01", 0, "critical"), service("never", null, null, 0)];
    expect(names(sortServices(mixed, "due"))).toEqual(["never", "short", "long"]);
    expect(names(sortServices(mixed, "assessed"))).toEqual(["never", "long", "short"]);
  });
  it("puts the most open findings first", () => expect(names(sortServices(rows, "findings"))).toEqual(["c", "b", "a"]));
  it("leaves its input alone", () => {
    sortServices(rows, "score");
    expect(names(rows)).toEqual(["b", "a", "c"]);
  });
});
