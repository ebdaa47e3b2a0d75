import "server-only";
// Assessment reports are laid out on a thread of their own, never on the web
// process's event loop: a 60-page report takes seconds of CPU, and on the event
// loop it held up every other request (the liveness check took 4.4 s while one
// rendered). One thread per web process, one report at a time, a short queue;
// past that the renderer is busy (429 with Retry-After) rather than slow for
// everyone. How many reports one person may have rendering at once is counted in
// Postgres, across instances (lib/data/exports/export-assessment-pdf.ts).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { BusyError } from "../data/errors";
import type { AssessmentReportData } from "./assessment-report-data";
import type { RenderReply, RenderRequest } from "./render-thread";

/** Reports waiting for the thread, beyond the one it is laying out. */
export const RENDER_QUEUE_LIMIT = 6;
/** A render that takes longer than this is given up, and the thread replaced. */
const RENDER_TIMEOUT_MS = 180_000;
/** An idle thread is stopped after this long, giving its memory (its own React-PDF) back. */
const IDLE_MS = 60_000;

interface Pending {
  worker: Worker;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

let thread: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | undefined;

/** Once nothing is waiting, stop the thread after a while; the next report starts a new one. */
function stopWhenIdle(worker: Worker) {
  clearTimeout(idleTimer);
  if ([...pending.values()].some((job) => job.worker === worker)) return;
  idleTimer = setTimeout(() => {
    if (thread !== worker || pending.size > 0) return;
    thread = undefined;
    void worker.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/** Fails what was sent to a thread that is gone. */
function failAll(worker: Worker, error: Error) {
  for (const [id, job] of pending) {
    if (job.worker !== worker) continue;
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
}

function renderThread(): Worker {
  if (thread) return thread;
  // The thread loads its entry itself (scripts/render-thread.mjs, which registers tsx for the report's
  // TSX): given as code, so the bundler leaves it to run from the repository as it is.
  const entry = pathToFileURL(path.join(process.cwd(), "scripts", "render-thread.mjs")).href;
  const started = new Worker(`import(${JSON.stringify(entry)}).catch((error) => { throw error; });`, { eval: true });
  // Never what keeps a stopping server alive: an idle thread does not hold the process open.
  started.unref();
  started.on("message", (reply: RenderReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    clearTimeout(job.timer);
    if (reply.ok) {
      lastThreadId = reply.threadId;
      job.resolve(Buffer.from(reply.bytes));
    } else job.reject(new Error(`the report could not be laid out: ${reply.error}`));
    stopWhenIdle(started);
  });
  const lost = (error: Error) => {
    if (thread === started) thread = undefined;
    failAll(started, error);
  };
  started.on("error", lost);
  started.on("exit", (code) => lost(new Error(`the render thread stopped (exit ${code})`)));
  thread = started;
  return started;
}

let lastThreadId: number | null = null;
/** The thread the latest report was laid out on (the main thread is 0): for tests and diagnostics. */
export const lastRenderThreadId = () => lastThreadId;

/** How many reports this process is laying out or has waiting. */
export const rendersInProcess = () => pending.size;

/** Throws BusyError while the queue is full: callers check before they record anything. */
export function assertRendererFree(): void {
  if (pending.size > RENDER_QUEUE_LIMIT) throw new BusyError("Reports are being made for others right now. Try again in a few seconds.", 5);
}

/** The assessment report's PDF, laid out on the render thread. */
export async function renderAssessmentReport(data: AssessmentReportData): Promise<Buffer> {
  assertRendererFree();
  clearTimeout(idleTimer);
  const worker = renderThread();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error("the report took too long to lay out"));
      // A thread stuck on one report would hold up every later one: start afresh.
      if (thread === worker) thread = undefined;
      void worker.terminate();
    }, RENDER_TIMEOUT_MS);
    pending.set(id, { worker, resolve, reject, timer });
    worker.postMessage({ id, data } satisfies RenderRequest);
  });
}
