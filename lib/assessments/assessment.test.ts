import { describe, expect, it } from "vitest";
import { allItems, latestChecklist, type ChecklistItem } from "../checklist";
import { answerGap, isEvidenceLink, needsJustification } from "./answer-rules";
import { startingAnswers, type PreviousAnswer } from "./carry-over";
import { compareFactors, compareItems } from "./compare";

const items = allItems(latestChecklist());
const [first, second, third] = items as [ChecklistItem, ChecklistItem, ChecklistItem];

describe("answer rules", () => {
  it("owes a justification for judgement calls only", () => {
    expect(["met", "partially_met", "not_met", "not_applicable", "unanswered"].filter((s) => needsJustification(s as never))).toEqual([
      "partially_met",
      "not_applicable",
    ]);
  });

  it("says why an answer is not done", () => {
    expect(answerGap({ status: "unanswered", justification: "", carriedOver: false })).toBe("unanswered");
    expect(answerGap({ status: "met", justification: "", carriedOver: true })).toBe("carried over, not confirmed");
    expect(answerGap({ status: "not_applicable", justification: "   ", carriedOver: false })).toBe("justification missing");
    expect(answerGap({ status: "not_applicable", justification: "No database.", carriedOver: false })).toBeNull();
    expect(answerGap({ status: "not_met", justification: "", carriedOver: false })).toBeNull();
  });

  it("accepts web links only as evidence", () => {
    expect(isEvidenceLink("https://github.com/acme/repo/pull/12")).toBe(true);
    expect(isEvidenceLink("http://intranet.local/runbook")).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "not a url", `https://x.test/${"a".repeat(2001)}`]) {
      expect(isEvidenceLink(bad), bad).toBe(false);
    }
  });
});

describe("starting answers", () => {
  const answer = (itemId: string, status: PreviousAnswer["status"]): PreviousAnswer => ({
    itemId,
    status,
    justification: `why ${itemId}`,
    notes: `notes ${itemId}`,
    evidenceLinks: [`https://evidence.test/${itemId}`],
  });

  it("starts blank, unmarked, with no previous assessment", () => {
    const start = startingAnswers(items, null);
    expect(start).toHaveLength(items.length);
    expect(start.every((a) => a.status === "unanswered" && !a.carriedOver && !a.itemRevised)).toBe(true);
  });

  const attested = {
    attestedById: "owner-1",
    attestedAt: new Date("2026-06-01T10:00:00Z"),
    validation: "agreed" as const,
    validatedById: "reviewer-1",
    validatedAt: new Date("2026-06-02T10:00:00Z"),
  };

  it("keeps an unchanged item's answer that held as confirmed, with who attested and validated it", () => {
    const start = startingAnswers(items, { id: "prev", items, answers: [{ ...answer(first.id, "met"), ...attested }, answer(second.id, "not_applicable")] });
    expect(start[0]).toEqual({ ...answer(first.id, "met"), ...attested, carriedOver: false, itemRevised: false, carriedFromId: "prev", recheckReason: null });
    expect(start[1]).toMatchObject({ status: "not_applicable", carriedOver: false, recheckReason: null, validation: null });
    expect(start[2]).toMatchObject({ status: "unanswered", carriedOver: false, itemRevised: false, carriedFromId: null });
  });

  it("asks again what was a gap, and what a newer machine suggestion contradicts, with the reason and no attestation", () => {
    const start = startingAnswers(
      items,
      { id: "prev", items, answers: [{ ...answer(first.id, "not_met"), ...attested }, { ...answer(second.id, "met"), ...attested }, answer(third.id, "met")] },
      new Map([
        [second.id, "not_met"],
        [third.id, "met"],
      ]),
    );
    expect(start[0]).toMatchObject({
      status: "not_met",
      carriedOver: true,
      recheckReason: "The last answer was a gap: say whether it still is.",
      attestedById: null,
      validation: null,
    });
    expect(start[1]).toMatchObject({ status: "met", carriedOver: true, recheckReason: "A machine suggestion since the last review says not met." });
    expect(
      startingAnswers(items, { id: "prev", items, answers: [{ ...answer(first.id, "met"), ...attested, evidenceExpiredOn: "2026-09-01" }] })[0],
      "evidence that ran out",
    ).toMatchObject({ carriedOver: true, recheckReason: "Its evidence stopped standing after 2026-09-01: attach current evidence.", validation: null });
    // A suggestion that agrees with the answer changes nothing.
    expect(start[2]).toMatchObject({ status: "met", carriedOver: false, recheckReason: null });
  });

  it("marks reworded and new items, and does not carry their answers", () => {
    const reworded = { ...second, guidance: `${second.guidance} Also check the staging environment.` };
    const previousItems = items.filter((item) => item.id !== third.id).map((item) => (item.id === second.id ? reworded : item));
    const start = startingAnswers(items, { items: previousItems, answers: [answer(first.id, "met"), answer(second.id, "met"), answer(third.id, "met")] });
    expect(start[0]).toMatchObject({ status: "met", carriedOver: false, itemRevised: false });
    expect(start[1]).toMatchObject({ status: "unanswered", carriedOver: false, itemRevised: true, notes: "" });
    expect(start[2]).toMatchObject({ status: "unanswered", carriedOver: false, itemRevised: true });
  });
});

describe("comparing assessments", () => {
  it("calls each item improved, regressed, unchanged, reclassified or new", () => {
    const before = new Map([
      [first.id, "not_met"],
      [second.id, "met"],
      [third.id, "met"],
    ] as const);
    const after = new Map([
      [first.id, "partially_met"],
      [second.id, "not_met"],
      [third.id, "not_applicable"],
      [items[3]!.id, "met"],
      [items[4]!.id, "met"],
    ] as const);
    const beforeWithFive = new Map([...before, [items[4]!.id, "met" as const]]);
    const diff = compareItems(items.slice(0, 5), beforeWithFive, after);
    expect(diff.map((d) => d.change)).toEqual(["improved", "regressed", "reclassified", "new", "unchanged"]);
  });

  it("gives the score difference per factor, or none where either side has no score", () => {
    expect(compareFactors([50, null, 80], [75.5, 60, 70])).toEqual([
      { factor: 1, before: 50, after: 75.5, delta: 25.5 },
      { factor: 2, before: null, after: 60, delta: null },
      { factor: 3, before: 80, after: 70, delta: -10 },
    ]);
    expect(compareFactors(null, [10])[0]!.delta).toBeNull();
  });
});
