import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanFromTenths, meanScore, oneDecimal, scoreChange, signedChange, tenths } from "./mean";

describe("meanScore", () => {
  it("rounds an exact half up, whatever order floating point would add in", () => {
    // 69.3 + 69.4 = 138.7; the mean is exactly 69.35, which rounds to 69.4.
    expect(meanScore([69.3, 69.4])).toBe(69.4);
    // These add to exactly 245.7 (a mean of 40.95), but as floats to 245.69999…, which Math.round takes to 40.9.
    expect(Math.round(([12.9, 34.4, 47.8, 88, 22.3, 40.3].reduce((a, b) => a + b, 0) / 6) * 10) / 10).toBe(40.9);
    expect(meanScore([12.9, 34.4, 47.8, 88, 22.3, 40.3])).toBe(41);
    expect(meanScore([])).toBeNull();
  });

  it("equals the exact rational mean rounded half up, for any one-decimal scores in any order", () => {
    const score = fc.integer({ min: 0, max: 1000 }).map((t) => t / 10);
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 400 }), (scores) => {
        const sum = scores.reduce((a, s) => a + BigInt(Math.round(s * 10)), 0n);
        const n = BigInt(scores.length);
        const exact = Number((2n * sum + n) / (2n * n)) / 10; // half up, in integers
        expect(meanScore(scores)).toBe(exact);
        expect(meanScore([...scores].reverse())).toBe(exact);
        // A float sum of the same scores, as Postgres stores it, gives the same mean.
        const floatSum = scores.reduce((a, s) => a + s, 0);
        expect(meanFromTenths(tenths(floatSum), scores.length)).toBe(exact);
      }),
    );
  });
});

describe("changes of score", () => {
  it("are held to one decimal, free of floating-point noise", () => {
    expect(scoreChange(52.4, 68.9)).toBe(16.5);
    expect(scoreChange(0.3, 0.1)).toBe(-0.2);
    expect(oneDecimal(69.35000000001)).toBe(69.4);
  });

  it("are missing when either end is", () => {
    expect(scoreChange(null, 70)).toBeNull();
    expect(scoreChange(70, null)).toBeNull();
  });

  it("read with their sign, and a dash (or what the caller says) for nothing", () => {
    expect(signedChange(2.5)).toBe("+2.5");
    expect(signedChange(-1)).toBe("-1");
    expect(signedChange(0)).toBe("0");
    expect(signedChange(null)).toBe("—");
    expect(signedChange(null, "")).toBe("");
  });
});
