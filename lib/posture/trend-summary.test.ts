import { describe, expect, it } from "vitest";
import { findingsSummary, monthLabel, scoreSummary, type TrendPoint } from "./trend-summary";

const point = (month: string, score: number | null, critical = 0, high = 0): TrendPoint => ({
  month,
  score,
  assessed: score === null ? 0 : 3,
  critical,
  high,
  medium: 1,
  low: 0,
});

describe("trend captions", () => {
  it("measures the score change from the first month that had one", () => {
    const points = [point("2025-05-01", null), point("2025-06-01", 60.5), point("2025-07-01", 58), point("2025-08-01", 63.9)];
    expect(scoreSummary(points)).toBe("63.9 now, up 3.4 since Jun 2025.");
    expect(scoreSummary([point("2025-06-01", 70), point("2025-07-01", 64.8)])).toBe("64.8 now, down 5.2 since Jun 2025.");
  });

  it("says so when there is no score or no series", () => {
    expect(scoreSummary([])).toBe("No score yet.");
    expect(scoreSummary([point("2025-06-01", null)])).toBe("No score yet.");
    expect(scoreSummary([point("2025-06-01", 50), point("2025-07-01", null)])).toBe("No score now.");
  });

  it("counts unresolved findings now against the first month", () => {
    expect(findingsSummary([point("2025-06-01", 50, 2, 5), point("2025-07-01", 55, 1, 3)])).toBe("5 unresolved now (1 critical), against 8 in Jun 2025.");
    expect(findingsSummary([])).toBe("No findings yet.");
  });

  it("labels months in UTC", () => {
    expect(monthLabel("2026-01-01")).toBe("Jan 2026");
  });
});
