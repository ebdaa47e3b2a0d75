// Drift: evidence that no longer agrees with a service's approved answer.
// Pure: the data layer reads the approval and the open drifts, this decides.
import { createHash } from "node:crypto";
import type { ResponseStatus } from "../vocabulary/answers";
import type { EvidenceResult, Observation } from "./schema";

export type DriftKind = "contradicted" | "citation_changed";

/** What an observation's `digest` is: the SHA-256 of the cited line's text, trimmed, so re-indenting is no change. */
export function lineDigest(text: string): string {
  return createHash("sha256").update(text.trim()).digest("hex");
}

export interface ApprovedAnswer {
  itemId: string;
  status: ResponseStatus;
  /** The file and line the answer rests on (its accepted machine evidence), with the line's digest when known. */
  citations: Observation[];
}

export interface DriftFound {
  itemId: string;
  kind: DriftKind;
  approvedStatus: ResponseStatus;
  observedStatus: ResponseStatus;
  detail: string;
  file: string | null;
  line: number | null;
}

// How far from "met" each answer is; not applicable and unanswered are not on the scale.
const DISTANCE: Partial<Record<ResponseStatus, number>> = { met: 0, partially_met: 1, not_met: 2 };

/** Whether `observed` is worse than `approved`: met then, partially or not met now; partially then, not met now. */
export function contradicts(approved: ResponseStatus, observed: ResponseStatus): boolean {
  const then = DISTANCE[approved];
  const now = DISTANCE[observed];
  return then !== undefined && now !== undefined && now > then;
}

const label = (s: ResponseStatus) => s.replace("_", " ");

/**
 * What a submission changes: the items it drifts (the evidence contradicts the
 * approved answer, or a line the answer cites now reads differently), and the
 * items whose open contradiction it clears (the evidence agrees again).
 */
export function detectDrift(
  approved: readonly ApprovedAnswer[],
  submitted: readonly EvidenceResult[],
  open: ReadonlyMap<string, DriftKind>,
  source: string,
): { drifted: DriftFound[]; cleared: string[] } {
  const answers = new Map(approved.map((a) => [a.itemId, a]));
  const drifted: DriftFound[] = [];
  const cleared: string[] = [];
  for (const result of submitted) {
    const answer = answers.get(result.itemId);
    if (!answer) continue;
    if (contradicts(answer.status, result.status)) {
      if (open.has(result.itemId)) continue;
      const proof = result.observations.find((o) => o.line !== null) ?? result.observations[0];
      drifted.push({
        itemId: result.itemId,
        kind: "contradicted",
        approvedStatus: answer.status,
        observedStatus: result.status,
        detail: `Approved as ${label(answer.status)}; ${source} now finds it ${label(result.status)}: ${result.summary}`.slice(0, 2000),
        file: proof?.file ?? null,
        line: proof?.line ?? null,
      });
      continue;
    }
    if (open.get(result.itemId) === "contradicted") {
      cleared.push(result.itemId);
      continue;
    }
    const changed = answer.citations.find(
      (cited) => cited.digest && result.observations.some((o) => o.file === cited.file && o.line === cited.line && o.digest && o.digest !== cited.digest),
    );
    if (changed && !open.has(result.itemId)) {
      drifted.push({
        itemId: result.itemId,
        kind: "citation_changed",
        approvedStatus: answer.status,
        observedStatus: answer.status,
        detail: `The approved answer cites ${changed.file}:${changed.line}, which ${source} now reads differently; check that the answer still holds.`,
        file: changed.file,
        line: changed.line,
      });
    }
  }
  return { drifted, cleared };
}
