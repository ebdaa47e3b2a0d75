// The checklist walk's autosave as the browser sends it: the server action
// saveResponseAction, called over HTTP with React's reply encoding and the
// action id from the production build's manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ResponseStatus } from "../lib/scoring/score";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export interface AutosaveInput {
  assessmentId: string;
  itemId: string;
  baseVersion: number;
  values: { status: ResponseStatus; justification: string; notes: string; evidenceLinks: string[] };
}

export type AutosaveOutcome = { outcome: "saved" | "conflict"; version: number } | { outcome: "refused"; status: number; text: string };

/** The id of a server action in the production build under `root`. */
export function actionId(root: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`the build has no server action ${name}`);
  return found[0];
}

/** One autosave, acknowledged or not by the server's answer. Network failures reject. */
export async function sendAutosave(base: string, id: string, cookie: string, input: AutosaveInput): Promise<AutosaveOutcome> {
  const form = new FormData();
  form.set("assessmentId", input.assessmentId);
  form.set("itemId", input.itemId);
  form.set("baseVersion", String(input.baseVersion));
  form.set("status", input.values.status);
  form.set("justification", input.values.justification);
  form.set("notes", input.values.notes);
  form.set("evidenceLinks", input.values.evidenceLinks.join("\n"));
  const page = `${base}/assessments/${input.assessmentId}/factors/${Number.parseInt(input.itemId.slice(1, 3), 10)}`;
  const response = await fetch(page, {
    method: "POST",
    headers: { cookie, "Next-Action": id, Accept: "text/x-component", Origin: base },
    body: await encodeReply([{ ok: false, message: null }, form]),
  });
  const text = await response.text();
  const outcome = /"outcome":"(saved|conflict)"/.exec(text)?.[1] as "saved" | "conflict" | undefined;
  const version = /"version":(\d+)/.exec(text)?.[1];
  if (response.status !== 200 || !outcome || !version) return { outcome: "refused", status: response.status, text: text.slice(0, 300) };
  return { outcome, version: Number(version) };
}
