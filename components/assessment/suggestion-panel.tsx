"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { decideSuggestionAction } from "@/app/assessments/[id]/actions";
import { answerStatuses } from "@/lib/vocabulary/answers";
import { provenanceLine } from "@/lib/evidence/suggestion";
import type { ResponseStatus } from "@/lib/vocabulary/answers";
import { formatDateTime } from "@/components/ui/format";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form";
import { calloutClass } from "@/components/ui/tone";

export interface SuggestionView {
  evidenceId: string;
  status: Exclude<ResponseStatus, "unanswered">;
  summary: string;
  observations: { file: string; line: number | null; message: string }[];
  source: string;
  via: string | null;
  submittedAt: string;
}

export interface DecidedSuggestionView extends SuggestionView {
  outcome: "accepted" | "overridden";
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A machine's suggested answer waiting for the reviewer: accept it, or keep their own answer. */
export function SuggestionPanel({
  assessmentId,
  itemId,
  suggestion,
  answered,
}: {
  assessmentId: string;
  itemId: string;
  suggestion: SuggestionView;
  answered: boolean;
}) {
  const [state, action, pending] = useActionState(decideSuggestionAction, { ok: false, message: null });
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  const headingId = `suggestion-${itemId}`;
  return (
    <section aria-labelledby={headingId} className={calloutClass("info", "px-3 py-3")}>
      <h4 id={headingId} className="font-semibold">
        Suggested answer: {answerStatuses.label(suggestion.status)}
      </h4>
      <p className="mt-0.5 text-xs">
        From {suggestion.source}
        {suggestion.via ? ` through the API token "${suggestion.via}"` : ""}, {formatDateTime(new Date(suggestion.submittedAt))} UTC
      </p>
      <p className="mt-2">{suggestion.summary}</p>
      {suggestion.observations.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs">
          {suggestion.observations.slice(0, 10).map((o, i) => (
            <li key={i}>
              <code className="font-mono">{o.line ? `${o.file}:${o.line}` : o.file}</code> {o.message}
            </li>
          ))}
        </ul>
      ) : null}
      <form action={action} className="mt-3 flex flex-wrap items-center gap-2">
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="evidenceId" value={suggestion.evidenceId} />
        <Button type="submit" name="decision" value="accept" disabled={pending} variant="suggestion" size="sm">
          Accept suggestion
        </Button>
        <Button type="submit" name="decision" value="override" disabled={pending || !answered} variant="suggestionOutline" size="sm">
          Keep my answer
        </Button>
        {!answered ? <span className="text-xs">To override it, give your own answer first.</span> : null}
      </form>
      <FormError state={state} className="mt-2" />
    </section>
  );
}

/** Where an answer came from, once the reviewer decided on a suggestion. */
export function SuggestionProvenance({ decided }: { decided: DecidedSuggestionView }) {
  return (
    <p className="rounded-md bg-subtle px-3 py-2 text-xs text-slate-700 dark:text-slate-200">
      {provenanceLine({ ...decided, decidedAt: decided.decidedAt ? new Date(decided.decidedAt) : null })}
    </p>
  );
}
