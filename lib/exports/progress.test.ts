import { describe, expect, it } from "vitest";
import { exportStage, STALLED_AFTER_MS } from "./progress";

describe("exportStage", () => {
  it("names the stage a running export is in from its progress", () => {
    expect(exportStage("running", 5, 0)).toMatch(/^Reading/);
    expect(exportStage("running", 30, 0)).toMatch(/^Laying out/);
    expect(exportStage("running", 89, 0)).toMatch(/^Laying out/);
    expect(exportStage("running", 90, 0)).toMatch(/^Recording/);
  });

  it("says when a queued export has waited long enough to suspect no worker", () => {
    expect(exportStage("queued", 0, STALLED_AFTER_MS)).toBe("Waiting for a worker to pick it up…");
    expect(exportStage("queued", 0, STALLED_AFTER_MS + 1)).toMatch(/worker is running/);
  });
});
