import { describe, expect, it } from "vitest";
import { attestationLine, drawSample, samplingRuleSchema, validationGap, validationStanding, type Attested } from "./validation";

const at = (iso: string) => new Date(`2026-11-${iso}T10:00:00Z`);

describe("validation gap", () => {
  const answer = { status: "met" as const, carriedOver: false, validation: null, attestedAt: at("10") };

  it("waits for security when attested and not yet checked; sent back blocks too", () => {
    expect(validationGap("F01-A", answer, null)).toBe("awaiting validation");
    expect(validationGap("F01-A", { ...answer, validation: "sent_back" }, null)).toBe("sent back to its owner");
    expect(validationGap("F01-A", { ...answer, validation: "agreed" }, null)).toBeNull();
  });

  it("leaves unanswered and carried-over answers to the answer rules", () => {
    expect(validationGap("F01-A", { ...answer, status: "unanswered" }, null)).toBeNull();
    expect(validationGap("F01-A", { ...answer, carriedOver: true }, null)).toBeNull();
  });

  it("lets a drawn sample accept what it left out, but only answers attested before the draw", () => {
    const sample = { itemIds: ["F01-B"], drawnAt: at("12") };
    expect(validationGap("F01-A", answer, sample)).toBeNull();
    expect(validationGap("F01-B", answer, sample), "drawn: validated on its own").toBe("awaiting validation");
    expect(validationGap("F01-A", { ...answer, attestedAt: at("13") }, sample), "attested after the draw").toBe("awaiting validation");
    expect(validationGap("F01-A", { ...answer, attestedAt: null }, sample)).toBe("awaiting validation");
  });
});

describe("drawing a sample", () => {
  const candidates = [
    { itemId: "F01-A", severity: "critical" as const },
    { itemId: "F01-B", severity: "high" as const },
    ...Array.from({ length: 10 }, (_, i) => ({ itemId: `F02-M${i}`, severity: "medium" as const })),
  ];
  const first = () => 0;

  it("takes every answer of the named severities and the share of the rest, rounded up", () => {
    const draw = drawSample(candidates, { severities: ["critical", "high"], percent: 25, minimum: 0 }, first);
    expect(draw).toEqual({ ok: true, itemIds: ["F01-A", "F01-B", "F02-M0", "F02-M1", "F02-M2"] });
  });

  it("draws from the rest with the randomness it is given, each chosen once", () => {
    const picks = [9, 0, 7];
    const draw = drawSample(candidates, { severities: [], percent: 25, minimum: 0 }, (n) => picks.shift()! % n);
    expect(draw.ok && draw.itemIds).toHaveLength(3);
    expect(draw.ok && new Set(draw.itemIds).size).toBe(3);
    expect(draw.ok && draw.itemIds).toEqual(["F01-A", "F01-B", "F02-M7"]);
  });

  it("tops the sample up to the minimum", () => {
    const draw = drawSample(candidates, { severities: ["critical"], percent: 0, minimum: 4 }, first);
    expect(draw.ok && draw.itemIds).toHaveLength(4);
  });

  it("refuses a rule that asks for more answers than wait, and an empty pool", () => {
    expect(drawSample(candidates, { severities: [], percent: 10, minimum: 13 }, first)).toEqual({
      ok: false,
      message: "The rule asks for at least 13 answers, but only 12 wait for validation.",
    });
    expect(drawSample([], { severities: [], percent: 10, minimum: 0 }, first).ok).toBe(false);
  });

  it("refuses more than 100% and fractions at the edge", () => {
    expect(samplingRuleSchema.safeParse({ severities: [], percent: 101 }).success).toBe(false);
    expect(samplingRuleSchema.safeParse({ severities: [], percent: 12.5 }).success).toBe(false);
    expect(samplingRuleSchema.safeParse({ severities: ["urgent"], percent: 10 }).success).toBe(false);
    expect(samplingRuleSchema.parse({ severities: ["high"], percent: "20" })).toEqual({ severities: ["high"], percent: 20, minimum: 0 });
  });
});

describe("attestation line", () => {
  const base: Attested = {
    status: "met",
    attestedBy: "Olive Owner",
    attestedAt: at("10"),
    validation: null,
    validatedBy: null,
    validatedAt: null,
    outsideSample: false,
  };

  it("names who attested and who validated, or where it stands", () => {
    expect(attestationLine(base)).toBe("Attested by Olive Owner on 2026-11-10; not yet validated.");
    expect(attestationLine({ ...base, validation: "agreed", validatedBy: "Riley Reviewer", validatedAt: at("11") })).toBe(
      "Attested by Olive Owner on 2026-11-10; validated by Riley Reviewer on 2026-11-11.",
    );
    expect(attestationLine({ ...base, validation: "sent_back", validatedBy: "Riley Reviewer", validatedAt: at("11") })).toContain(
      "sent back by Riley Reviewer",
    );
    expect(attestationLine({ ...base, outsideSample: true })).toBe("Attested by Olive Owner on 2026-11-10; accepted outside the validation sample.");
    expect(attestationLine({ ...base, attestedBy: "Riley Reviewer", validation: "agreed", validatedBy: "Riley Reviewer" })).toBe(
      "Answered by Riley Reviewer (security) on 2026-11-10.",
    );
    expect(attestationLine({ ...base, status: "unanswered" })).toBe("Not answered.");
  });

  it("gives each standing its name for exports", () => {
    expect(validationStanding(base)).toBe("pending");
    expect(validationStanding({ ...base, outsideSample: true })).toBe("outside_sample");
    expect(validationStanding({ ...base, validation: "agreed" })).toBe("agreed");
    expect(validationStanding({ ...base, status: "unanswered" })).toBe("unanswered");
  });
});
