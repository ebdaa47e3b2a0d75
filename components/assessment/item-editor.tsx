"use client";

import { useEffect } from "react";
import { answerGap, LIMITS, needsJustification } from "@/lib/assessments/answer-rules";
import { ANSWER_STATUSES } from "@/lib/vocabulary/answers";
import { answerStatuses } from "@/lib/vocabulary/answers";
import type { ChecklistItem } from "@/lib/checklist";
import { SeverityBadge } from "@/components/ui/severity";
import { Attachments, type AttachmentItem } from "./attachments";
import { Button } from "@/components/ui/button";
import type { AnswerValues } from "@/lib/assessments/input-schemas";
import { EvidenceLinks } from "./evidence-links";
import { OnDemand, useWalkView } from "./walk-view";
import { ItemGuidance } from "./item-guidance";
import { SaveIndicator, ConflictChoice } from "./save-status";
import { SuggestionPanel, SuggestionProvenance, type DecidedSuggestionView, type SuggestionView } from "./suggestion-panel";
import { useAutosave } from "./use-autosave";
import { Label, Textarea } from "@/components/ui/field";
import { calloutClass } from "@/components/ui/tone";
import { ValidationPanel, type ValidationView } from "./validation-panel";

export interface ItemAnswer extends AnswerValues {
  version: number;
  carriedOver: boolean;
  itemRevised: boolean;
  attachments: AttachmentItem[];
  comments: { author: string; body: string; createdAt: string }[];
  /** A machine suggestion waiting for a decision, and the one already decided. */
  pendingSuggestion: SuggestionView | null;
  suggestion: DecidedSuggestionView | null;
  /** Who gave it and where it stands with security. */
  review: ValidationView;
}

const STATUS_STYLE: Record<(typeof ANSWER_STATUSES)[number], string> = {
  met: "peer-checked:border-emerald-600 peer-checked:bg-emerald-50 peer-checked:text-emerald-900 dark:peer-checked:bg-emerald-950 dark:peer-checked:text-emerald-100",
  partially_met:
    "peer-checked:border-amber-600 peer-checked:bg-amber-50 peer-checked:text-amber-900 dark:peer-checked:bg-amber-950 dark:peer-checked:text-amber-100",
  not_met: "peer-checked:border-rose-600 peer-checked:bg-rose-50 peer-checked:text-rose-900 dark:peer-checked:bg-rose-950 dark:peer-checked:text-rose-100",
  not_applicable:
    "peer-checked:border-slate-600 peer-checked:bg-slate-100 peer-checked:text-slate-900 dark:peer-checked:bg-slate-800 dark:peer-checked:text-slate-100",
};

/** One checklist item with its answer, saved as it changes. */
export function ItemEditor(props: { assessmentId: string; item: ChecklistItem; answer: ItemAnswer; onProgress: (itemId: string, done: boolean) => void }) {
  const { item, answer, assessmentId, onProgress } = props;
  const save = useAutosave(assessmentId, item.id, { values: answer, version: answer.version, carriedOver: answer.carriedOver });
  // A sent-back answer is not done until its owner changes it (saving asks security again).
  const sentBack = answer.review.validation === "sent_back" && sameValues(save.values, answer);
  const gap =
    answerGap({ status: save.values.status, justification: save.values.justification, carriedOver: save.carriedOver }) ??
    (sentBack ? "sent back to its owner" : null);
  useEffect(() => onProgress(item.id, gap === null), [gap, item.id, onProgress]);
  const id = `item-${item.id}`;
  const justificationNeeded = needsJustification(save.values.status);
  const { compact } = useWalkView();

  return (
    <article id={item.id} data-item tabIndex={-1} aria-labelledby={`${id}-title`} className="scroll-mt-20 rounded-xl border border-line bg-surface shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4">
        <div className="min-w-0">
          <p className="font-mono text-xs text-muted">{item.id}</p>
          <h3 id={`${id}-title`} className="mt-0.5 font-semibold">
            {item.title}
          </h3>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
            <SeverityBadge level={item.severity} />
            {save.carriedOver ? (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                Carried over, confirm
              </span>
            ) : null}
            {answer.itemRevised ? (
              <span className="rounded bg-indigo-100 px-1.5 py-0.5 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
                New or changed in this checklist version
              </span>
            ) : null}
          </div>
        </div>
        <SaveIndicator state={save.state} error={save.error} onRetry={() => void save.retry()} />
      </header>

      <div className={`grid gap-6 px-5 py-4 ${compact ? "" : "lg:grid-cols-2"}`}>
        <OnDemand summary="Guidance: what good looks like, and how to verify it">
          <ItemGuidance item={item} />
        </OnDemand>
        <div className="space-y-4">
          <ValidationPanel assessmentId={assessmentId} itemId={item.id} version={answer.version} view={answer.review} />
          {answer.comments.length ? (
            <div className={calloutClass("warning", "px-3 py-2")}>
              {answer.comments.map((comment) => (
                <p key={comment.createdAt + comment.body}>
                  <span className="font-semibold">Returned by {comment.author}:</span> {comment.body}
                </p>
              ))}
            </div>
          ) : null}
          {answer.pendingSuggestion ? (
            <SuggestionPanel
              assessmentId={assessmentId}
              itemId={item.id}
              suggestion={answer.pendingSuggestion}
              answered={save.values.status !== "unanswered"}
            />
          ) : null}
          {answer.suggestion ? <SuggestionProvenance decided={answer.suggestion} /> : null}
          {save.conflict ? <ConflictChoice conflict={save.conflict} mine={save.values} onKeepMine={save.keepMine} onTakeTheirs={save.takeTheirs} /> : null}
          <fieldset>
            <legend className="text-sm font-medium">Status</legend>
            <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
              {ANSWER_STATUSES.map((status) => (
                <label key={status} className="relative">
                  <input
                    type="radio"
                    name={`${id}-status`}
                    value={status}
                    checked={save.values.status === status}
                    onChange={() => save.update({ status })}
                    className="peer sr-only"
                  />
                  <span
                    className={`block cursor-pointer rounded-md border border-field px-2 py-2 text-center text-sm font-medium peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 peer-focus-visible:ring-offset-2 ${STATUS_STYLE[status]}`}
                  >
                    {answerStatuses.label(status)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {save.carriedOver ? (
            <Button onClick={save.confirm} variant="confirm" size="sm">
              Confirm the carried-over answer
            </Button>
          ) : null}
          <AnswerText id={id} field="justification" save={save} invalid={gap === "justification missing"}>
            {justificationNeeded ? (
              <span className="font-normal text-danger">(required for {answerStatuses.label(save.values.status).toLowerCase()})</span>
            ) : (
              <span className="font-normal text-muted">(optional)</span>
            )}
          </AnswerText>
          <OnDemand
            summary={`Notes, links and files (${[save.values.notes ? 1 : 0, save.values.evidenceLinks.length, answer.attachments.length].reduce((a, b) => a + b, 0)})`}
          >
            <AnswerText id={id} field="notes" save={save} invalid={false} />
            <EvidenceLinks id={id} links={save.values.evidenceLinks} onChange={(evidenceLinks) => save.update({ evidenceLinks })} disabled={false} />
            <Attachments id={id} assessmentId={assessmentId} itemId={item.id} initial={answer.attachments} disabled={false} />
          </OnDemand>
        </div>
      </div>
    </article>
  );
}

function sameValues(a: AnswerValues, b: AnswerValues): boolean {
  return a.status === b.status && a.justification === b.justification && a.notes === b.notes && a.evidenceLinks.join("\n") === b.evidenceLinks.join("\n");
}

/** The justification or the notes of an answer, saved as they are typed; `children` follows the label. */
function AnswerText(props: {
  id: string;
  field: "justification" | "notes";
  save: ReturnType<typeof useAutosave>;
  invalid: boolean;
  children?: React.ReactNode;
}) {
  const { id, field, save } = props;
  return (
    <div>
      <Label htmlFor={`${id}-${field}`}>
        {field === "notes" ? "Notes" : "Justification"} {props.children}
      </Label>
      <Textarea
        id={`${id}-${field}`}
        rows={2}
        maxLength={LIMITS[field]}
        value={save.values[field]}
        onChange={(event) => save.update({ [field]: event.target.value })}
        aria-invalid={props.invalid || undefined}
      />
    </div>
  );
}
