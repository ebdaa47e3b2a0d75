import { describe, expect, it } from "vitest";
import { planFindings } from "./plan";
import { dueDateFor } from "./sla";

describe("planning findings on approval", () => {
  it("opens, re-confirms, reopens and resolves, one finding per item", () => {
    const steps = planFindings(
      [
        { itemId: "F01-A", status: "not_met", severity: "high" },
        { itemId: "F01-B", status: "partially_met", severity: "low" },
        { itemId: "F01-C", status: "not_met", severity: "critical" },
        { itemId: "F01-D", status: "met", severity: "medium" },
        { itemId: "F01-E", status: "not_applicable", severity: "medium" },
        { itemId: "F01-F", status: "met", severity: "medium" },
      ],
      [
        { id: "b", itemId: "F01-B", status: "risk_accepted" },
        { id: "c-old", itemId: "F01-C", status: "resolved" },
        { id: "d", itemId: "F01-D", status: "in_progress" },
        { id: "e", itemId: "F01-E", status: "open" },
        { id: "f", itemId: "F01-F", status: "resolved" },
      ],
    );
    expect(steps).toEqual([
      { kind: "open", itemId: "F01-A", severity: "high", partially: false },
      { kind: "reconfirm", findingId: "b", itemId: "F01-B", partially: true },
      { kind: "reopen", findingId: "c-old", itemId: "F01-C", severity: "critical", partially: false },
      { kind: "resolve", findingId: "d", itemId: "F01-D" },
      { kind: "resolve", findingId: "e", itemId: "F01-E" },
    ]);
  });

  it("prefers the live finding when an item has a resolved one too", () => {
    const steps = planFindings(
      [{ itemId: "F02-A", status: "not_met", severity: "low" }],
      [
        { id: "live", itemId: "F02-A", status: "open" },
        { id: "old", itemId: "F02-A", status: "resolved" },
      ],
    );
    expect(steps).toEqual([{ kind: "reconfirm", findingId: "live", itemId: "F02-A", partially: false }]);
  });
});

describe("due dates", () => {
  it("follow the default policy: 7, 30, 90 and 180 days", () => {
    const opened = new Date("2026-01-01T00:00:00Z");
    expect(["critical", "high", "medium", "low"].map((s) => dueDateFor(s as never, opened).toISOString().slice(0, 10))).toEqual([
      "2026-01-08",
      "2026-01-31",
      "2026-04-01",
      "2026-06-30",
    ]);
  });
});
