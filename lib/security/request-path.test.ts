import { describe, expect, it } from "vitest";
import { pathDecodes } from "./request-path";

describe("paths whose escapes decode", () => {
  it("accepts plain, escaped and emoji paths", () => {
    for (const path of ["/", "/services/payments-api", "/verify/%F0%9F%A7%A8", "/a%2Fb", "/%00"]) expect(pathDecodes(path), path).toBe(true);
  });

  it("refuses a lone %, a cut escape and an escaped lone surrogate", () => {
    for (const path of ["/api/v1/services/%", "/x/%E0%A4%A", "/x/%ED%A0%80", "/x/%zz"]) expect(pathDecodes(path), path).toBe(false);
  });
});
