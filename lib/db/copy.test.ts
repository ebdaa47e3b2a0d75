import { describe, expect, it } from "vitest";
import { copyField } from "./copy";

describe("copyField", () => {
  it("writes COPY text format: NULL, escapes, dates, arrays and JSON", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField("a\tb\nc\\d")).toBe("a\\tb\\nc\\\\d");
    expect(copyField(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02T03:04:05.678Z");
    expect(copyField(["https://x/a", 'say "hi"'])).toBe('{"https://x/a","say \\\\"hi\\\\""}');
    expect(copyField([])).toBe("{}");
    expect(copyField({ from: "a\tb" })).toBe('{"from":"a\\\\tb"}');
    expect(copyField(true)).toBe("t");
    expect(copyField(0.5)).toBe("0.5");
  });
});
