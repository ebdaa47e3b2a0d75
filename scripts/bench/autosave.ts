// The autosave round trip as the browser makes it: the checklist walk's server
// action (saveResponseAction), called over HTTP with React's reply encoding and
// the action id from the production build's manifest. Each save names the
// version the last one returned, as the walk does; restore() puts the answer
// back as it was.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ResponseStatus } from "../../lib/scoring/score";

export interface SaveTarget {
  assessmentId: string;
  itemId: string;
  version: number;
  answer: { status: ResponseStatus; justification: string; notes: string; evidenceLinks: string[] };
}

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

function actionId(root: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`the build has no server action ${name}`);
  return found[0];
}

export function autosaveOverHttp(base: string, root: string, cookie: string, target: SaveTarget) {
  const id = actionId(root, "saveResponseAction");
  const page = `${base}/assessments/${target.assessmentId}/factors/${Number.parseInt(target.itemId.slice(1, 3), 10)}`;
  let version = target.version;
  let turn = 0;
  const send = async (justification: string) => {
    const form = new FormData();
    form.set("assessmentId", target.assessmentId);
    form.set("itemId", target.itemId);
    form.set("baseVersion", String(version));
    form.set("status", target.answer.status);
    form.set("justification", justification);
    form.set("notes", target.answer.notes);
    form.set("evidenceLinks", target.answer.evidenceLinks.join("\n"));
    const response = await fetch(page, {
      method: "POST",
      headers: { cookie, "Next-Action": id, Accept: "text/x-component", Origin: base },
      body: await encodeReply([{ ok: false, message: null }, form]),
    });
    const text = await response.text();
    const saved = /"outcome":"saved"/.test(text) ? /"version":(\d+)/.exec(text) : null;
    if (response.status !== 200 || !saved) throw new Error(`the autosave answered ${response.status}: ${text.slice(0, 200)}`);
    version = Number(saved[1]);
  };
  return {
    /** One save with a changed justification (so it is a real change each time). */
    save: () => send(`${target.answer.justification}${turn++ % 2 === 0 ? " (re-checked)" : ""}`),
    restore: () => send(target.answer.justification),
  };
}
