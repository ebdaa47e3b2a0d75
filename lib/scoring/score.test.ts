import { describe, expect, it } from "vitest";
import { itemScore, scoreAssessment, scoreBand, SEVERITY_WEIGHT, type ScorableItem } from "./score";
import type { ResponseStatus } from "../vocabulary/answers";

const items: ScorableItem[] = [
  { id: "F01-A", factor: 1, severity: "critical" },
  { id: "F01-B", factor: 1, severity: "low" },
  { id: "F02-A", factor: 2, severity: "high" },
  { id: "F02-B", factor: 2, severity: "medium" },
];

const statuses = (entries: Record<string, ResponseStatus>) => new Map(Object.entries(entries));

describe("itemScore", () => {
  it("gives met full credit, partial half, not met and unanswered none", () => {
    expect(itemScore("met")).toBe(100);
    expect(itemScore("partially_met")).toBe(50);
    expect(itemScore("not_met")).toBe(0);
    expect(itemScore("unanswered")).toBe(0);
  });
  it("has no score for not applicable", () => {
    expect(itemScore("not_applicable")).toBeNull();
  });
});

describe("scoreAssessment", () => {
  it("scores 100 when everything is met", () => {
    const result = scoreAssessment(items, statuses({ "F01-A": "met", "F01-B": "met", "F02-A": "met", "F02-B": "met" }));
    expect(result.overall).toBe(100);
    expect(result.factors.map((f) => f.score)).toEqual([100, 100]);
    expect(result.answered).toBe(4);
    expect(result.criticalGaps).toBe(0);
  });

  it("weights items by severity", () => {
    // Factor 1: critical met (10 of 10), low not met (0 of 1) => 10/11.
    const result = scoreAssessment(items, statuses({ "F01-A": "met", "F01-B": "not_met", "F02-A": "met", "F02-B": "met" }));
    expect(result.factors[0]?.score).toBe(Math.round((10 / 11) * 1000) / 10);
    // The reverse costs far more.
    const reverse = scoreAssessment(items, statuses({ "F01-A": "not_met", "F01-B": "met", "F02-A": "met", "F02-B": "met" }));
    expect(reverse.factors[0]?.score).toBe(Math.round((1 / 11) * 1000) / 10);
    expect(reverse.criticalGaps).toBe(1);
  });

  it("counts partially met as half", () => {
    const result = scoreAssessment(items, statuses({ "F01-A": "met", "F01-B": "met", "F02-A": "partially_met", "F02-B": "partially_met" }));
    expect(result.factors[1]?.score).toBe(50);
    const total = SEVERITY_WEIGHT.critical + SEVERITY_WEIGHT.low + SEVERITY_WEIGHT.high + SEVERITY_WEIGHT.medium;
    const earned = SEVERITY_WEIGHT.critical + SEVERITY_WEIGHT.low + (SEVERITY_WEIGHT.high + SEVERITY_WEIGHT.medium) / 2;
    expect(result.overall).toBe(Math.round((earned / total) * 1000) / 10);
  });

  it("drops not applicable items from the denominator", () => {
    const result = scoreAssessment(items, statuses({ "F01-A": "not_applicable", "F01-B": "met", "F02-A": "met", "F02-B": "met" }));
    expect(result.factors[0]?.score).toBe(100);
    expect(result.overall).toBe(100);
    expect(result.factors[0]?.counts.not_applicable).toBe(1);
  });

  it("gives no score, not a perfect one, when nothing applies", () => {
    const result = scoreAssessment(items, statuses({ "F01-A": "not_applicable", "F01-B": "not_applicable", "F02-A": "met" }));
    expect(result.factors[0]?.score).toBeNull();
    expect(scoreAssessment(items.slice(0, 1), statuses({ "F01-A": "not_applicable" })).overall).toBeNull();
  });

  it("treats missing answers as unanswered and uncredited", () => {
    const result = scoreAssessment(items, statuses({ "F01-A": "met" }));
    expect(result.answered).toBe(1);
    expect(result.total).toBe(4);
    expect(result.factors[1]?.counts.unanswered).toBe(2);
    expect(result.overall).toBe(Math.round((10 / 20) * 1000) / 10);
  });

  it("ignores answers for items that are not in the checklist", () => {
    const result = scoreAssessment(items, statuses({ "F01-A": "met", "F01-B": "met", "F02-A": "met", "F02-B": "met", "F99-X": "not_met" }));
    expect(result.overall).toBe(100);
  });

  it("counts an unanswered critical item as a gap", () => {
    expect(scoreAssessment(items, statuses({})).criticalGaps).toBe(1);
  });
});

describe("scoreBand", () => {
  it.each([
    [null, "none"],
    [0, "poor"],
    [49.9, "poor"],
    [50, "fair"],
    [75, "good"],
    [90, "strong"],
    [100, "strong"],
  ] as const)("maps %s to %s", (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});
