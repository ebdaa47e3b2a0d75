// The autosave round trip as the browser makes it (tests/http-autosave.ts).
// Each save names the version the last one returned, as the walk does;
// restore() puts the answer back as it was.
import type { ResponseStatus } from "../../lib/vocabulary/answers";
import { actionId, sendAutosave } from "../../tests/http-autosave";

export interface SaveTarget {
  assessmentId: string;
  itemId: string;
  version: number;
  answer: { status: ResponseStatus; justification: string; notes: string; evidenceLinks: string[] };
}

export function autosaveOverHttp(base: string, root: string, cookie: string, target: SaveTarget) {
  const id = actionId(root, "saveResponseAction");
  let version = target.version;
  let turn = 0;
  const send = async (justification: string) => {
    const result = await sendAutosave(base, id, cookie, {
      assessmentId: target.assessmentId,
      itemId: target.itemId,
      baseVersion: version,
      values: { ...target.answer, justification },
    });
    if (result.outcome !== "saved") throw new Error(`the autosave answered ${JSON.stringify(result)}`);
    version = result.version;
  };
  return {
    /** One save with a changed justification (so it is a real change each time). */
    save: () => send(`${target.answer.justification}${turn++ % 2 === 0 ? " (re-checked)" : ""}`),
    restore: () => send(target.answer.justification),
  };
}
