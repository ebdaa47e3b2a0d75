import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeDestination } from "./destination";

describe("safeDestination", () => {
  it("keeps paths on this site", () => {
    expect(safeDestination("/findings?team=payments&overdue=1")).toBe("/findings?team=payments&overdue=1");
    expect(safeDestination("/services/ledger-service#trend")).toBe("/services/ledger-service#trend");
  });

  it("sends anything that leaves the site, or is not a path, home", () => {
    for (const value of ["//evil.test", "/\\evil.test", "/\t/evil.test", "/\n/evil.test", "https://evil.test/", "evil.test", "", null, 7, "/%0a"]) {
      const destination = safeDestination(value);
      expect(destination === "/" || !destination.startsWith("//"), String(value)).toBe(true);
    }
    expect(safeDestination("/\t/evil.test")).toBe("/");
    expect(safeDestination("https://evil.test/")).toBe("/");
  });

  it("gives, for any input, a same-site path a Location header can carry", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string({ unit: "binary" }).map((s) => `/${s}`),
        ),
        (value) => {
          const destination = safeDestination(value);
          expect(destination).toMatch(/^\/(?!\/)[\x21-\x7e]*$|^\/$/);
          expect(() => new Headers({ Location: destination })).not.toThrow();
          expect(new URL(destination, "https://tf.example").origin).toBe("https://tf.example");
        },
      ),
      { numRuns: 2000 },
    );
  });
});
