import { describe, expect, it } from "vitest";
import { effectiveStatuses, worse, wouldCycle, type PlatformAnswers } from "./inherit";

describe("the worse of two answers", () => {
  it("orders unanswered, not met, partially met, met; not applicable gives way", () => {
    expect(worse("met", "partially_met")).toBe("partially_met");
    expect(worse("not_met", "met")).toBe("not_met");
    expect(worse("unanswered", "not_met")).toBe("unanswered");
    expect(worse("not_applicable", "met")).toBe("met");
    expect(worse("partially_met", "not_applicable")).toBe("partially_met");
    expect(worse("not_applicable", "not_applicable")).toBe("not_applicable");
  });
});

describe("effective answers", () => {
  const own = new Map([
    ["F01-A", "met"],
    ["F01-B", "met"],
    ["F01-C", "not_met"],
    ["F01-D", "met"],
  ] as const);
  const cluster = (statuses: [string, "met" | "not_met" | "partially_met"][], modes: PlatformAnswers["modes"] = {}): PlatformAnswers => ({
    platformId: "cluster",
    items: ["F01-A", "F01-B", "F01-C", "F01-E"],
    statuses: new Map(statuses),
    modes,
  });

  it("takes the platform's answer for inherited items, the worse for shared, keeps own, and counts an unanswered platform item as unanswered", () => {
    const result = effectiveStatuses(own, [
      cluster(
        [
          ["F01-A", "not_met"],
          ["F01-B", "partially_met"],
          ["F01-C", "met"],
        ],
        { "F01-B": "shared", "F01-C": "own" },
      ),
    ]);
    expect(Object.fromEntries(result)).toEqual({ "F01-A": "not_met", "F01-B": "partially_met", "F01-C": "not_met", "F01-D": "met", "F01-E": "unanswered" });
  });

  it("lets an inherited item improve on the service's own answer, and applies two platforms covering one item both", () => {
    expect(effectiveStatuses(own, [cluster([["F01-C", "met"]])]).get("F01-C")).toBe("met");
    const second: PlatformAnswers = { platformId: "ci", items: ["F01-C"], statuses: new Map([["F01-C", "partially_met"]]), modes: {} };
    expect(effectiveStatuses(own, [cluster([["F01-C", "met"]]), second]).get("F01-C")).toBe("partially_met");
  });
});

describe("cycles of platforms", () => {
  const uses = new Map([
    ["app", ["cluster"]],
    ["cluster", ["cloud"]],
  ]);

  it("refuses A on B on A, longer circles and a service on itself; allows a new branch", () => {
    expect(wouldCycle(uses, "cloud", "app")).toBe(true);
    expect(wouldCycle(uses, "cluster", "app")).toBe(true);
    expect(wouldCycle(uses, "app", "app")).toBe(true);
    expect(wouldCycle(uses, "app", "cloud")).toBe(false);
    expect(wouldCycle(uses, "ci", "cluster")).toBe(false);
  });
});
