import { describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "../checklist";
import { defaultValidUntil, EVIDENCE_VALID_DAYS, evidenceDates, hasExpired } from "./validity";

const TODAY = new Date("2026-11-30T15:00:00Z");

describe("evidence dates", () => {
  it("names only items of the checklist", () => {
    const ids = new Set(allItems(latestChecklist()).map((i) => i.id));
    for (const id of Object.keys(EVIDENCE_VALID_DAYS)) expect(ids.has(id), id).toBe(true);
  });

  it("defaults to true today and valid for the item's period", () => {
    expect(evidenceDates("F01-ACCESS-REVIEW", {}, TODAY)).toEqual({ ok: true, effectiveOn: "2026-11-30", validUntil: "2027-02-28" });
    expect(evidenceDates("F07-TLS-AT-EDGE", { effectiveOn: "2026-02-28" }, TODAY)).toEqual({ ok: true, effectiveOn: "2026-02-28", validUntil: "2027-02-28" });
    expect(defaultValidUntil("F02-COMPOSITION-ANALYSIS", "2026-12-31")).toBe("2027-01-30");
  });

  it("refuses evidence true in the future, or ending before it was true", () => {
    expect(evidenceDates("F01-ACCESS-REVIEW", { effectiveOn: "2026-12-01" }, TODAY)).toMatchObject({ ok: false, field: "effectiveOn" });
    expect(evidenceDates("F01-ACCESS-REVIEW", { effectiveOn: "2026-11-01", validUntil: "2026-10-31" }, TODAY)).toMatchObject({
      ok: false,
      field: "validUntil",
    });
    expect(evidenceDates("F01-ACCESS-REVIEW", { effectiveOn: "2026-11-01", validUntil: "2026-11-01" }, TODAY).ok).toBe(true);
  });

  it("stands through its last day", () => {
    expect(hasExpired(new Date("2026-11-30T00:00:00Z"), TODAY)).toBe(false);
    expect(hasExpired(new Date("2026-11-29T00:00:00Z"), TODAY)).toBe(true);
    expect(hasExpired(null, TODAY)).toBe(false);
  });
});
