import { describe, expect, it } from "vitest";
import { parseAsOf } from "./as-of";

const TODAY = new Date("2026-11-30T10:00:00Z");

describe("as of a day", () => {
  it("reads a day up to today as the end of that day", () => {
    expect(parseAsOf("2026-06-30", TODAY)).toEqual({ asOf: { day: "2026-06-30", cutoff: new Date("2026-07-01T00:00:00Z") }, error: null });
    expect(parseAsOf("2026-11-30", TODAY).asOf?.cutoff).toEqual(new Date("2026-12-01T00:00:00Z"));
    expect(parseAsOf("", TODAY)).toEqual({ asOf: null, error: null });
    expect(parseAsOf(undefined, TODAY)).toEqual({ asOf: null, error: null });
  });

  it("refuses what is not a day, a day to come, and ancient days, with a reason", () => {
    for (const bad of ["2026-02-30", "30/06/2026", "2026-06-30T00:00:00Z", ["2026-06-30"], "2026-12-01", "1999-12-31"]) {
      const parsed = parseAsOf(bad, TODAY);
      expect(parsed.asOf, String(bad)).toBeNull();
      expect(parsed.error, String(bad)).toEqual(expect.any(String));
    }
  });
});
