import { describe, expect, it } from "vitest";
import { pageScripts, percentiles } from "./measure";

describe("percentiles", () => {
  it("takes the nearest rank, whatever the order of the samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ runs: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it("rounds to a tenth of a millisecond and copes with one sample", () => {
    expect(percentiles([12.345])).toEqual({ runs: 1, p50: 12.3, p95: 12.3, p99: 12.3, max: 12.3 });
    expect(percentiles([])).toEqual({ runs: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});

describe("pageScripts", () => {
  it("lists each script a module-running browser loads, once, leaving out nomodule polyfills", () => {
    const html = `<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/poly.js" noModule=""></script>
      <script src="/_next/static/chunks/b.js?dpl=1"></script><script src="/_next/static/chunks/a.js" async=""></script><script>inline()</script>`;
    expect(pageScripts(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=1"]);
  });
});
