"use client";

import { startTransition, useActionState, useState } from "react";
import { approveAssessmentAction, returnAssessmentAction, submitAssessmentAction } from "@/app/assessments/[id]/actions";
import { FormResult } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { Field, FieldError, Textarea } from "@/components/ui/field";

export function SubmitForm({ assessmentId, ready }: { assessmentId: string; ready: boolean }) {
  const [state, action, pending] = useActionState(submitAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <Button type="submit" disabled={pending} aria-describedby="submit-hint">
        Submit for sign-off
      </Button>
      <p id="submit-hint" className="text-xs text-muted">
        {ready
          ? "Every item is answered. A lead of the team approves it or returns it to you."
          : "Every item needs an answer first; the list below shows what is left."}
      </p>
      <div aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}

export function ApproveForm({ assessmentId }: { assessmentId: string }) {
  const [state, action, pending] = useActionState(approveAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <Button type="submit" disabled={pending} variant="approve">
        Approve
      </Button>
      <p className="text-xs text-muted">Approving freezes the answers and scores and opens or resolves findings.</p>
      <div aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}

/** An item a lead may return the assessment about; gaps (not met or partly met) are offered first. */
export interface ReturnableItem {
  id: string;
  title: string;
  factor: number;
  gap: boolean;
}

/**
 * Returns the assessment with a comment, shown on each item chosen (from the
 * list, never typed). What the lead wrote stays when the return is refused, and
 * the field at fault says why.
 */
export function ReturnForm({ assessmentId, items }: { assessmentId: string; items: ReturnableItem[] }) {
  const [state, action, pending] = useActionState(returnAssessmentAction, { ok: false, message: null });
  const [comment, setComment] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]));
  const gaps = items.filter((item) => item.gap);
  const others = items.filter((item) => !item.gap);
  const box = (item: ReturnableItem) => (
    <li key={item.id}>
      <label className="flex min-h-6 items-start gap-2">
        <input type="checkbox" checked={chosen.includes(item.id)} onChange={() => toggle(item.id)} className="mt-1 h-4 w-4" />
        <span>
          <span className="font-mono text-xs">{item.id}</span> {item.title}
        </span>
      </label>
    </li>
  );
  // Submitted by hand rather than as the form's action, so that React does not reset the form afterwards: a refused return keeps every box ticked.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="itemIds" value={chosen.join(",")} />
      <Field id="return-comment" label="Comment for the reviewers" errors={state.fieldErrors?.comment}>
        {(control) => (
          <Textarea
            {...control}
            name="comment"
            required
            minLength={3}
            maxLength={4000}
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-invalid={state.fieldErrors?.comment ? true : undefined}
          />
        )}
      </Field>
      <fieldset aria-describedby={state.fieldErrors?.itemIds ? "return-items-error" : undefined}>
        <legend className="text-sm font-medium">Items it is about (optional; the comment is shown on each)</legend>
        {gaps.length ? (
          <ul className="mt-1 space-y-1 text-sm" aria-label="Gaps">
            {gaps.map(box)}
          </ul>
        ) : null}
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer py-1 font-medium text-link">{gaps.length ? "Any other item" : "Choose items"}</summary>
          <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto" aria-label="Every other item">
            {others.map(box)}
          </ul>
        </details>
        {state.fieldErrors?.itemIds ? <FieldError id="return-items-error" messages={state.fieldErrors.itemIds} /> : null}
      </fieldset>
      <Button type="submit" disabled={pending} variant="outline">
        Return with comment
      </Button>
      <div aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}
