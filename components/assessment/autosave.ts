// The browser side of autosave: an unacknowledged change is kept in this
// browser's storage until the server acknowledges it, so a reload, a crash or
// a lost connection loses nothing.
import type { AnswerValues, SaveAnswerInput } from "@/lib/assessments/input-schemas";

interface Pending {
  values: AnswerValues;
  /** The server version the change was made on (for an acknowledged one, the version it made). */
  baseVersion: number;
  /**
   * Acknowledged by the server. Kept briefly so that a reload whose page was
   * read just before the save committed shows the saved answer, not the older one.
   */
  saved?: boolean;
}

const key = (assessmentId: string, itemId: string) => `twelvefold:unsaved:${assessmentId}:${itemId}`;

export function keepUnsaved(assessmentId: string, itemId: string, pending: Pending): void {
  try {
    localStorage.setItem(key(assessmentId, itemId), JSON.stringify(pending));
  } catch {
    // Storage full or disabled: the save in flight is then the only copy, and the status says so.
  }
}

export function readUnsaved(assessmentId: string, itemId: string): Pending | null {
  try {
    const raw = localStorage.getItem(key(assessmentId, itemId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Pending;
    return typeof parsed.baseVersion === "number" && parsed.values && typeof parsed.values.status === "string" ? parsed : null;
  } catch {
    return null;
  }
}

/** Remembers the answer the server just acknowledged, at the version it made. */
export function keepAcknowledged(assessmentId: string, itemId: string, values: AnswerValues, version: number): void {
  keepUnsaved(assessmentId, itemId, { values, baseVersion: version, saved: true });
}

export function forgetUnsaved(assessmentId: string, itemId: string): void {
  try {
    localStorage.removeItem(key(assessmentId, itemId));
  } catch {
    // Nothing to do.
  }
}

export function sameAnswer(a: AnswerValues, b: AnswerValues): boolean {
  return (
    a.status === b.status &&
    a.justification === b.justification &&
    a.notes === b.notes &&
    a.evidenceLinks.length === b.evidenceLinks.length &&
    a.evidenceLinks.every((link, i) => link === b.evidenceLinks[i])
  );
}

/** The save autosave sends: the answer as it stands, and the version it was made on. */
export function answerInput(assessmentId: string, itemId: string, baseVersion: number, values: AnswerValues): SaveAnswerInput {
  return { ...values, assessmentId, itemId, baseVersion };
}
