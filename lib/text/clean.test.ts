import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanDeep, cleanText, clip, MAX_NESTING, TooDeepError } from "./clean";

const utf8RoundTrip = (s: string) => Buffer.from(s, "utf8").toString("utf8");

describe("cleanText", () => {
  it("replaces lone surrogates and drops NUL, leaving pairs and other text alone", () => {
    expect(cleanText("a\uD83Db")).toBe("a\uFFFDb");
    expect(cleanText("x\uDC00")).toBe("x\uFFFD");
    expect(cleanText("n\u0000ul\u0000")).toBe("nul");
    expect(cleanText("ok 😀 é\u0301\t\n")).toBe("ok 😀 é\u0301\t\n");
  });

  it("gives, for any string, what UTF-8 (and so Postgres) would store, with no NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const cleaned = cleanText(s);
        expect(cleaned.isWellFormed()).toBe(true);
        expect(cleaned.includes("\u0000")).toBe(false);
        expect(utf8RoundTrip(cleaned)).toBe(cleaned);
        expect(cleaned).toBe(utf8RoundTrip(s).replaceAll("\u0000", ""));
      }),
    );
  });
});

describe("cleanDeep", () => {
  it("cleans keys and values at any depth and keeps other values", () => {
    const when = new Date(0);
    expect(cleanDeep({ "k\u0000": ["\uD800", { n: 1, b: true, z: null }], when })).toEqual({ k: ["\uFFFD", { n: 1, b: true, z: null }], when });
  });

  it("refuses a value nested past MAX_NESTING with TooDeepError, never by overflowing the stack", () => {
    const nest = (depth: number) => JSON.parse(`${"[".repeat(depth)}"x"${"]".repeat(depth)}`) as unknown;
    expect(() => cleanDeep(nest(MAX_NESTING))).not.toThrow();
    expect(() => cleanDeep(nest(MAX_NESTING + 2))).toThrow(TooDeepError);
    expect(() => cleanDeep(nest(200_000))).toThrow(TooDeepError);
    expect(() => cleanDeep(JSON.parse(`${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`))).toThrow(TooDeepError);
  });
});

describe("clip", () => {
  it("never splits a surrogate pair, at any cut position", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.nat(300), (s, max) => {
        const cut = clip(s, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(s.startsWith(cut)).toBe(true);
        if (s.isWellFormed()) expect(cut.isWellFormed()).toBe(true);
        expect(cut.length).toBeGreaterThanOrEqual(Math.min(s.length, max) - 1);
      }),
    );
    // The attacker's case: 253 ASCII characters then an emoji, cut at 254.
    expect(clip(`${"a".repeat(253)}😀`, 254)).toBe("a".repeat(253));
  });
});
