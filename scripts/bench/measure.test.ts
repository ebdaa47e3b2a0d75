import { describe, expect, it } from "vitest";
import { percentiles } from "./measure";

describe("percentiles", () => {
  it("takes the nearest rank, whatever the order of the samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ runs: 100, p50: 50, p95: 95, max: 100 });
  });

  it("rounds to a tenth of a millisecond and copes with one sample", () => {
    expect(percentiles([12.345])).toEqual({ runs: 1, p50: 12.3, p95: 12.3, max: 12.3 });
  });
});
