// What an export's state and progress mean to the person waiting for it.
import type { ExportState } from "../vocabulary/records";

/** A queued export nobody has picked up for this long suggests no worker is running. */
export const STALLED_AFTER_MS = 2 * 60_000;

export function exportStage(state: ExportState, progress: number, waitingMs: number): string {
  switch (state) {
    case "queued":
      return waitingMs > STALLED_AFTER_MS
        ? "Still waiting for a worker. If this does not change, ask your administrator to check that the Twelvefold worker is running."
        : "Waiting for a worker to pick it up…";
    case "running":
      if (progress < 30) return "Reading services, findings and trends…";
      if (progress < 90) return "Laying out the pages…";
      return "Recording the export and its SHA-256…";
    case "done":
      return "Ready to download.";
    case "failed":
      return "The report could not be made.";
  }
}
