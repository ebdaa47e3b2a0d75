import { describe, expect, it } from "vitest";
import { returnSchema, saveAnswerSchema } from "./input-schemas";

const valid = {
  assessmentId: "0b6f1c2e-5d4a-4f7b-9a8e-1c2d3e4f5a6b",
  itemId: "F04-TLS",
  baseVersion: "3",
  status: "partially_met",
  justification: "Only in production.",
  notes: "",
  evidenceLinks: "https://git.example.com/a\n\n  https://ci.example.com/b  ",
};

const problems = (input: Record<string, unknown>) => {
  const result = saveAnswerSchema.safeParse({ ...valid, ...input });
  return result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe("saving an answer: what the action accepts", () => {
  it("takes a well-formed answer and splits the links by line", () => {
    const parsed = saveAnswerSchema.parse(valid);
    expect(parsed.baseVersion).toBe(3);
    expect(parsed.evidenceLinks).toEqual(["https://git.example.com/a", "https://ci.example.com/b"]);
  });

  it("refuses a wrong status, an unknown-looking item id and a bad version", () => {
    expect(problems({ status: "done" })).toEqual(["status: Choose a status."]);
    expect(problems({ itemId: "../../etc" })).toEqual(["itemId: Not a checklist item id."]);
    expect(problems({ assessmentId: "1 OR 1=1" })).toEqual(["assessmentId: Not an assessment."]);
    expect(problems({ baseVersion: "0" })).toHaveLength(1);
    expect(problems({ baseVersion: "abc" })).toHaveLength(1);
  });

  it("refuses links that are not web addresses, too many links and oversized text", () => {
    expect(problems({ evidenceLinks: "javascript:alert(1)" })).toEqual(["evidenceLinks: Evidence links must be http(s) addresses."]);
    expect(problems({ evidenceLinks: Array.from({ length: 21 }, (_, i) => `https://x.test/${i}`).join("\n") })).toEqual([
      "evidenceLinks: At most 20 links per item.",
    ]);
    expect(problems({ notes: "x".repeat(10_001) })).toEqual(["notes: Keep notes under 10000 characters."]);
    expect(problems({ justification: "x".repeat(4001) })).toHaveLength(1);
  });

  it("takes the same answer as typed data (autosave), under the same rules", () => {
    const typed = { ...valid, baseVersion: 3, evidenceLinks: [" https://git.example.com/a", "", "https://ci.example.com/b"] };
    expect(saveAnswerSchema.parse(typed)).toEqual(saveAnswerSchema.parse(valid));
    expect(problems({ evidenceLinks: ["javascript:alert(1)"] })).toEqual(["evidenceLinks: Evidence links must be http(s) addresses."]);
    expect(problems({ evidenceLinks: Array.from({ length: 21 }, (_, i) => `https://x.test/${i}`) })).toEqual(["evidenceLinks: At most 20 links per item."]);
    expect(problems({ evidenceLinks: [42] })).toHaveLength(1);
  });
});

describe("returning an assessment: what the action accepts", () => {
  it("needs a comment, and reads item ids separated any way", () => {
    expect(returnSchema.parse({ assessmentId: valid.assessmentId, comment: "Look again.", itemIds: "F01-A, F02-B\nF01-A" }).itemIds).toEqual([
      "F01-A",
      "F02-B",
    ]);
    expect(returnSchema.safeParse({ assessmentId: valid.assessmentId, comment: " ", itemIds: "" }).success).toBe(false);
    expect(returnSchema.safeParse({ assessmentId: valid.assessmentId, comment: "Look again.", itemIds: "<script>" }).success).toBe(false);
  });
});
