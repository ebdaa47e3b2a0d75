import { describe, expect, it } from "vitest";
import { allItems, CHECKLIST_VERSIONS, checklistHash, latestChecklist } from "./index";
import { canonicalJson, contentHash } from "./hash";
import { checklistSchema } from "./schema";
import { checklistV1 } from "./v1";

// Published versions are frozen: assessments pin them by hash. If this fails
// because v1 was edited, revert the edit and publish the change as a new version.
const PUBLISHED_V1_HASH = "0112cb354947e4bdfd2833e7a7cb5c78647bc95167f70470da7e6576bb4b8c54";

const FACTOR_NAMES = [
  "Codebase",
  "Dependencies",
  "Config",
  "Backing services",
  "Build, release, run",
  "Processes",
  "Port binding",
  "Concurrency",
  "Disposability",
  "Dev/prod parity",
  "Logs",
  "Admin processes",
];

describe("checklist v1", () => {
  const checklist = CHECKLIST_VERSIONS[0]!;
  const items = allItems(checklist);

  it("covers the twelve factors in order", () => {
    expect(checklist.factors.map((f) => f.name)).toEqual(FACTOR_NAMES);
    expect(checklist.factors.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("has at least five items per factor", () => {
    for (const factor of checklist.factors) expect(factor.items.length, factor.name).toBeGreaterThanOrEqual(5);
  });

  it("has unique ids that name their factor", () => {
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of items) expect(item.id.startsWith(`F${String(item.factor).padStart(2, "0")}-`)).toBe(true);
  });

  it("cites the series step behind every item, with its date", () => {
    for (const item of items) {
      const step = item.references.find((ref) => ref.kind === "series");
      expect(step, item.id).toMatchObject({ kind: "series", step: item.factor });
      expect(step && "date" in step ? step.date : "").toMatch(/^201[89]-\d\d-\d\d$/);
    }
  });

  it("names a standard wherever an item goes beyond the series", () => {
    for (const item of items.filter((i) => i.basis !== "series")) {
      expect(
        item.references.some((ref) => ref.kind === "standard"),
        item.id,
      ).toBe(true);
    }
  });

  it("is unchanged since publication", () => {
    expect(checklistHash(checklist)).toBe(PUBLISHED_V1_HASH);
  });

  it("keeps the newest version as latest", () => {
    expect(latestChecklist()).toBe(CHECKLIST_VERSIONS.at(-1));
  });
});

describe("checklist schema", () => {
  const clone = () => structuredClone(checklistV1);

  it("rejects a duplicate item id", () => {
    const bad = clone();
    bad.factors[1]!.items[0]!.id = bad.factors[1]!.items[1]!.id;
    expect(checklistSchema.safeParse(bad).success).toBe(false);
  });

  it("rejects an item filed under the wrong factor", () => {
    const bad = clone();
    bad.factors[0]!.items.push({ ...bad.factors[1]!.items[0]! });
    expect(checklistSchema.safeParse(bad).success).toBe(false);
  });

  it("rejects an item that does not cite its step", () => {
    const bad = clone();
    bad.factors[3]!.items[0]!.references = bad.factors[3]!.items[0]!.references.filter((r) => r.kind !== "series");
    expect(checklistSchema.safeParse(bad).success).toBe(false);
  });

  it("rejects a checklist missing a factor", () => {
    const bad = clone();
    bad.factors.pop();
    expect(checklistSchema.safeParse(bad).success).toBe(false);
  });
});

describe("content hash", () => {
  it("ignores key order but not content", () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});
