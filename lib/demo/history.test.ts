import { describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "../checklist";
import { scoreAssessment } from "../scoring/score";
import { generateHistory, maturityAt } from "./history";
import { DEMO_SERVICES } from "./org";

const items = allItems(latestChecklist());
const now = new Date("2026-11-01T12:00:00Z");
const scores = (slug: string) => {
  const service = DEMO_SERVICES.find((s) => s.slug === slug)!;
  return generateHistory(service, items, now).map((a) => scoreAssessment(items, new Map(a.responses.map((r) => [r.itemId, r.status]))).overall ?? 0);
};

describe("demo history", () => {
  it("spans about 18 months with roughly two-monthly assessments", () => {
    const history = generateHistory(DEMO_SERVICES[0]!, items, now);
    expect(history.length).toBeGreaterThanOrEqual(8);
    const first = history[0]!.approvedAt.getTime();
    expect((now.getTime() - first) / 86_400_000).toBeGreaterThan(500);
    for (const a of history) expect(a.startedAt < a.submittedAt && a.submittedAt < a.approvedAt).toBe(true);
  });

  it("is the same on every run", () => {
    expect(scores("checkout-api")).toEqual(scores("checkout-api"));
  });

  it("tells each service's story", () => {
    const improving = scores("checkout-api");
    expect(improving.at(-1)! - improving[0]!).toBeGreaterThan(25);
    const regressing = scores("invoice-renderer");
    expect(regressing[0]! - regressing.at(-1)!).toBeGreaterThan(15);
    const stagnant = scores("payment-gateway");
    expect(Math.abs(stagnant.at(-1)! - stagnant[0]!)).toBeLessThan(12);
  });

  it("answers every item with a justification", () => {
    for (const assessment of generateHistory(DEMO_SERVICES[3]!, items, now)) {
      expect(assessment.responses).toHaveLength(items.length);
      for (const response of assessment.responses) expect(response.justification.length).toBeGreaterThan(10);
    }
  });

  it("leaves the new service unassessed", () => {
    expect(
      generateHistory(
        DEMO_SERVICES.find((s) => s.trajectory === "new")!,
        items,
        now,
      ),
    ).toEqual([]);
  });

  it("dips and recovers on a recovering trajectory", () => {
    const service = { trajectory: "recovering" as const, from: 0.6, to: 0.8 };
    expect(maturityAt(service, 0.5)).toBeLessThan(maturityAt(service, 0));
    expect(maturityAt(service, 1)).toBeCloseTo(0.8);
  });
});
