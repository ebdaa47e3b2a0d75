import { describe, expect, it } from "vitest";
import { addressHasNul, pathDecodes } from "./request-path";

describe("paths whose escapes decode", () => {
  it("accepts plain, escaped and emoji paths", () => {
    for (const path of ["/", "/services/payments-api", "/verify/%F0%9F%A7%A8", "/a%2Fb", "/%00"]) expect(pathDecodes(path), path).toBe(true);
  });

  it("refuses a lone %, a cut escape and an escaped lone surrogate", () => {
    for (const path of ["/api/v1/services/%", "/x/%E0%A4%A", "/x/%ED%A0%80", "/x/%zz"]) expect(pathDecodes(path), path).toBe(false);
  });
});

describe("addresses with a NUL", () => {
  it("are found in the path, a query value or a query name, however escaped", () => {
    for (const url of ["http://x/a%00b", "http://x/findings?q=a%00", "http://x/audit?%00=1", "http://x/?a=%2500%00"])
      expect(addressHasNul(new URL(url)), url).toBe(true);
    for (const url of ["http://x/a%2500", "http://x/findings?q=%2500", "http://x/?a=%E2%80%8B"]) expect(addressHasNul(new URL(url)), url).toBe(false);
  });
});
