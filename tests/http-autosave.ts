// The checklist walk's autosave as the browser sends it: the server action
// saveResponseAction, called over HTTP with React's reply encoding and the
// action id from the production build's manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ResponseStatus } from "../lib/vocabulary/answers";

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

/** The action's form fields for one save, in the walk's order. */
function fields(input: AutosaveInput): [string, string][] {
  return [
    ["assessmentId", input.assessmentId],
    ["itemId", input.itemId],
    ["baseVersion", String(input.baseVersion)],
    ["status", input.values.status],
    ["justification", input.values.justification],
    ["notes", input.values.notes],
    ["evidenceLinks", input.values.evidenceLinks.join("\n")],
  ];
}

/** The walk's page for an item: where its autosave is posted. */
export function autosavePath(input: Pick<AutosaveInput, "assessmentId" | "itemId">): string {
  return `/assessments/${input.assessmentId}/factors/${Number.parseInt(input.itemId.slice(1, 3), 10)}`;
}

/**
 * The same request as `sendAutosave`, built synchronously as multipart text
 * (for load generators that build each request in a callback): React's reply
 * encoding puts the form's fields under "_1_" and the arguments in field "0".
 */
export function autosaveMultipart(input: AutosaveInput, boundary = "twelvefold-autosave"): { contentType: string; body: string } {
  const parts = [...fields(input).map(([name, value]) => [`_1_${name}`, value] as const), ["0", '[{"ok":false,"message":null},"$K1"]'] as const];
  const body =
    parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

/** What the server answered to an autosave. */
export function autosaveOutcome(status: number, text: string): AutosaveOutcome {
  const outcome = /"outcome":"(saved|conflict)"/.exec(text)?.[1] as "saved" | "conflict" | undefined;
  const version = /"version":(\d+)/.exec(text)?.[1];
  if (status !== 200 || !outcome || !version) return { outcome: "refused", status, text: text.slice(0, 300) };
  return { outcome, version: Number(version) };
}

/** One autosave, acknowledged or not by the server's answer. Network failures reject. */
export async function sendAutosave(base: string, id: string, cookie: string, input: AutosaveInput): Promise<AutosaveOutcome> {
  const form = new FormData();
  for (const [name, value] of fields(input)) form.set(name, value);
  const response = await fetch(`${base}${autosavePath(input)}`, {
    method: "POST",
    headers: { cookie, "Next-Action": id, Accept: "text/x-component", Origin: base },
    body: await encodeReply([{ ok: false, message: null }, form]),
  });
  return autosaveOutcome(response.status, await response.text());
}
