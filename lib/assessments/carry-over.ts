// How a new assessment starts from the last completed one. Re-reviews ask only
// what changed:
// - an answer to an unchanged item that held (met, or not applicable) and that
//   no newer machine suggestion contradicts is kept as it was attested and
//   validated then: confirmed by default, nothing to do;
// - an answer whose item is unchanged but that was a gap (partially or not
//   met), or that a newer machine suggestion contradicts, is carried over to be
//   confirmed or changed, with the reason;
// - items that are new or reworded start unanswered and are marked.
import { contentHash } from "../canonical-json";
import type { ChecklistItem } from "../checklist";
import { answerStatuses, type ResponseStatus } from "../vocabulary/answers";
import type { ValidationState } from "./validation";

export interface Attestation {
  attestedById: string | null;
  attestedAt: Date | null;
  validation: ValidationState;
  validatedById: string | null;
  validatedAt: Date | null;
}

export interface PreviousAnswer extends Partial<Attestation> {
  /** The day its evidence ran out, if any of it has (lib/evidence/validity.ts). */
  evidenceExpiredOn?: string | null;
  itemId: string;
  status: ResponseStatus;
  justification: string;
  notes: string;
  evidenceLinks: string[];
}

export interface StartingAnswer extends Attestation {
  itemId: string;
  status: ResponseStatus;
  justification: string;
  notes: string;
  evidenceLinks: string[];
  carriedOver: boolean;
  itemRevised: boolean;
  /** The completed assessment the answer comes from, when it comes from one. */
  carriedFromId: string | null;
  /** Why a carried-over answer is asked again; null when it is kept as confirmed. */
  recheckReason: string | null;
  /** The platform whose validated answer it takes (inherited), if any. */
  inheritedFromId?: string | null;
}

/** A platform's validated answer a service inherits for an item (lib/data/platforms/inherited-answers.ts). */
export interface InheritedStart {
  status: ResponseStatus;
  platformId: string;
  platformName: string;
  approvedAt: Date;
  validatedById: string | null;
}

/** Two versions of an item ask the same question when every word of it is the same. */
export function itemFingerprint(item: ChecklistItem): string {
  return contentHash(item);
}

const UNATTESTED: Attestation = { attestedById: null, attestedAt: null, validation: null, validatedById: null, validatedAt: null };

/** Why a previous answer is asked again, or null when it still stands as it was. */
export function recheckReason(previous: ResponseStatus, suggested: ResponseStatus | undefined, evidenceExpiredOn: string | null = null): string | null {
  if (suggested !== undefined && suggested !== previous)
    return `A machine suggestion since the last review says ${answerStatuses.label(suggested).toLowerCase()}.`;
  if (evidenceExpiredOn) return `Its evidence stopped standing after ${evidenceExpiredOn}: attach current evidence.`;
  if (previous === "partially_met" || previous === "not_met") return "The last answer was a gap: say whether it still is.";
  return null;
}

export function startingAnswers(
  current: readonly ChecklistItem[],
  previous: { id?: string; items: readonly ChecklistItem[]; answers: readonly PreviousAnswer[] } | null,
  /** The newest machine suggestion per item made since the previous approval. */
  suggestions: ReadonlyMap<string, ResponseStatus> = new Map(),
  /** What the service inherits from its platforms: the platform's validated answer, not asked again. */
  inherited: ReadonlyMap<string, InheritedStart> = new Map(),
): StartingAnswer[] {
  return fromPrevious(current, previous, suggestions).map((answer) => {
    const from = inherited.get(answer.itemId);
    if (!from || answer.itemRevised) return answer;
    return {
      ...answer,
      status: from.status,
      justification: `Inherited from ${from.platformName}, as approved on ${from.approvedAt.toISOString().slice(0, 10)}.`,
      carriedOver: false,
      recheckReason: null,
      inheritedFromId: from.platformId,
      attestedById: null,
      attestedAt: from.approvedAt,
      validation: "agreed",
      validatedById: from.validatedById,
      validatedAt: from.approvedAt,
    };
  });
}

function fromPrevious(
  current: readonly ChecklistItem[],
  previous: { id?: string; items: readonly ChecklistItem[]; answers: readonly PreviousAnswer[] } | null,
  suggestions: ReadonlyMap<string, ResponseStatus>,
): StartingAnswer[] {
  const blank = (itemId: string, itemRevised: boolean): StartingAnswer => ({
    itemId,
    status: "unanswered",
    justification: "",
    notes: "",
    evidenceLinks: [],
    carriedOver: false,
    itemRevised,
    carriedFromId: null,
    recheckReason: null,
    ...UNATTESTED,
  });
  if (!previous) return current.map((item) => blank(item.id, false));
  const before = new Map(previous.items.map((item) => [item.id, itemFingerprint(item)]));
  const answers = new Map(previous.answers.map((answer) => [answer.itemId, answer]));
  return current.map((item) => {
    if (before.get(item.id) !== itemFingerprint(item)) return blank(item.id, true);
    const answer = answers.get(item.id);
    if (!answer || answer.status === "unanswered") return blank(item.id, false);
    const reason = recheckReason(answer.status, suggestions.get(item.id), answer.evidenceExpiredOn ?? null);
    return {
      itemId: item.id,
      status: answer.status,
      justification: answer.justification,
      notes: answer.notes,
      evidenceLinks: [...answer.evidenceLinks],
      carriedOver: reason !== null,
      itemRevised: false,
      carriedFromId: previous.id ?? null,
      recheckReason: reason,
      // Kept as it was attested and validated then; asked again, it waits for whoever confirms it.
      ...(reason === null
        ? {
            attestedById: answer.attestedById ?? null,
            attestedAt: answer.attestedAt ?? null,
            validation: answer.validation ?? null,
            validatedById: answer.validatedById ?? null,
            validatedAt: answer.validatedAt ?? null,
          }
        : UNATTESTED),
    };
  });
}
