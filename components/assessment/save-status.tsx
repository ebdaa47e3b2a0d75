"use client";

import { answerStatuses } from "@/lib/vocabulary/answers";
import type { AnswerValues } from "@/lib/assessments/input-schemas";
import type { Conflict, SaveState } from "./use-autosave";
import { Button } from "@/components/ui/button";
import { calloutClass } from "@/components/ui/tone";

const LABEL: Record<SaveState, string> = {
  untouched: "",
  saved: "Saved",
  pending: "Saving…",
  saving: "Saving…",
  failed: "Not saved",
  conflict: "Needs your choice",
};

const STYLE: Record<SaveState, string> = {
  untouched: "",
  saved: "text-success",
  pending: "text-muted",
  saving: "text-muted",
  failed: "text-danger",
  conflict: "text-amber-800 dark:text-amber-300",
};

/** Saved / saving / failed, announced politely to screen readers. */
export function SaveIndicator({ state, error, onRetry }: { state: SaveState; error: string | null; onRetry: () => void }) {
  return (
    <div className="text-right text-sm" aria-live="polite">
      <span className={`font-medium ${STYLE[state]}`} data-save-state={state}>
        {LABEL[state]}
      </span>
      {state === "failed" ? (
        <>
          <p className="max-w-xs text-xs text-danger">{error}</p>
          <Button type="button" onClick={onRetry} variant="linkText">
            Try again now
          </Button>
        </>
      ) : null}
    </div>
  );
}

function Summary({ title, answer }: { title: string; answer: AnswerValues }) {
  return (
    <div className="min-w-0 flex-1 rounded-md border border-amber-200 bg-surface p-2 dark:border-amber-900">
      <p className="text-xs font-semibold uppercase tracking-wide">{title}</p>
      <dl className="mt-1 space-y-0.5 text-xs">
        <div>
          <dt className="inline font-medium">Status: </dt>
          <dd className="inline">{answerStatuses.label(answer.status)}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Justification: </dt>
          <dd className="inline break-words">{answer.justification || "—"}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Notes: </dt>
          <dd className="inline break-words">{answer.notes || "—"}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Links: </dt>
          <dd className="inline break-all">{answer.evidenceLinks.join(", ") || "—"}</dd>
        </div>
      </dl>
    </div>
  );
}

/** Two versions of one answer side by side; the reviewer picks, nothing is overwritten silently. */
export function ConflictChoice({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: Conflict;
  mine: AnswerValues;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const who = conflict.by ? `${conflict.by} saved this item` : "This item was saved elsewhere";
  return (
    <div role="alert" className={calloutClass("warning", "p-3")}>
      <p className="font-semibold">{who} after you started editing it. Which answer should stand?</p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <Summary title="Yours" answer={mine} />
        <Summary title="Saved" answer={conflict.theirs} />
      </div>
      <div className="mt-2 flex gap-2">
        <Button type="button" onClick={onKeepMine} variant="caution" size="sm">
          Keep mine
        </Button>
        <Button type="button" onClick={onTakeTheirs} variant="cautionOutline" size="sm">
          Use the saved one
        </Button>
      </div>
    </div>
  );
}
