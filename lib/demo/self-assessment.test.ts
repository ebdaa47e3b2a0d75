import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isEvidenceLink } from "../assessments/answer-rules";
import { allItems, latestChecklist } from "../checklist";
import { DEMO_PEOPLE } from "./org";
import { scoreAssessment } from "../scoring/score";
import { evidenceLink, SELF_ANSWERS } from "./self-assessment";

const root = path.resolve(import.meta.dirname, "../..");
const items = allItems(latestChecklist());
const answers = Object.entries(SELF_ANSWERS);

describe("Twelvefold's assessment of itself", () => {
  it("answers every item of the current checklist, and nothing else", () => {
    expect(Object.keys(SELF_ANSWERS).sort()).toEqual(items.map((item) => item.id).sort());
  });

  it("justifies every answer, and backs each claim (met, partially met, not applicable) with evidence", () => {
    for (const [id, answer] of answers) {
      expect(answer.justification.trim(), id).not.toBe("");
      if (answer.status !== "not_met") expect(answer.evidence.length, id).toBeGreaterThan(0);
    }
  });

  it("points only to files and folders that exist in this repository", () => {
    const missing = answers.flatMap(([id, answer]) => answer.evidence.filter((file) => !existsSync(path.join(root, file))).map((file) => `${id}: ${file}`));
    expect(missing).toEqual([]);
    for (const [, answer] of answers) for (const file of answer.evidence) expect(isEvidenceLink(evidenceLink(file)), file).toBe(true);
  });

  it("gives every gap an owner from the demo organisation and what closes it, and only gaps", () => {
    const people = new Set(DEMO_PEOPLE.map((person) => person.email));
    for (const [id, answer] of answers) {
      const isGap = answer.status === "not_met" || answer.status === "partially_met";
      expect(Boolean(answer.gap), id).toBe(isGap);
      if (answer.gap) {
        expect(people.has(answer.gap.owner), `${id}: ${answer.gap.owner}`).toBe(true);
        expect(answer.gap.action.trim(), id).not.toBe("");
      }
    }
  });

  it("lists exactly its gaps in the README", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Twelvefold's self-assessment"));
    const table = section.slice(0, section.indexOf("\n## "));
    const listed = [...table.matchAll(/^\| `(F\d\d-[A-Z0-9-]+)` \|/gm)].map((match) => match[1]);
    const gaps = answers.filter(([, answer]) => answer.gap).map(([id]) => id);
    expect(listed).toEqual(gaps);
    const score = scoreAssessment(items, new Map(answers.map(([id, answer]) => [id, answer.status])));
    expect(section).toContain(`It scores **${score.overall}**`);
  });
});
