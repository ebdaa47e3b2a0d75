// The PDF renderer's thread (lib/exports/render-pool.ts): lays out one report at
// a time, away from the web process's event loop, so a long report never holds
// up anyone else's request. Receives the report's data, answers with its bytes.
import { parentPort, threadId } from "node:worker_threads";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { AssessmentReport } from "./assessment-report";
import type { AssessmentReportData } from "./assessment-report-data";

export interface RenderRequest {
  id: number;
  data: AssessmentReportData;
}

export type RenderReply = { id: number; ok: true; bytes: Uint8Array; threadId: number } | { id: number; ok: false; error: string };

parentPort?.on("message", async ({ id, data }: RenderRequest) => {
  try {
    const bytes = await renderToBuffer(createElement(AssessmentReport, { data }) as Parameters<typeof renderToBuffer>[0]);
    const copy = new Uint8Array(bytes);
    parentPort!.postMessage({ id, ok: true, bytes: copy, threadId } satisfies RenderReply, [copy.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
