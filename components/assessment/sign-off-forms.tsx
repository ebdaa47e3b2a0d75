"use client";

import { useActionState } from "react";
import { approveAssessmentAction, returnAssessmentAction, submitAssessmentAction } from "@/app/assessments/[id]/actions";
import { fieldClass, FormResult, labelClass, primaryButtonClass } from "@/components/ui/form";

export function SubmitForm({ assessmentId, ready }: { assessmentId: string; ready: boolean }) {
  const [state, action, pending] = useActionState(submitAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <button type="submit" disabled={pending} className={primaryButtonClass} aria-describedby="submit-hint">
        Submit for sign-off
      </button>
      <p id="submit-hint" className="text-xs text-slate-600 dark:text-slate-400">
        {ready ? "Every item is answered. A lead of the team approves it or returns it to you." : "Every item needs an answer first; the list below shows what is left."}
      </p>
      <div aria-live="polite"><FormResult state={state} /></div>
    </form>
  );
}

export function ApproveForm({ assessmentId }: { assessmentId: string }) {
  const [state, action, pending] = useActionState(approveAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <button type="submit" disabled={pending} className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">
        Approve
      </button>
      <p className="text-xs text-slate-600 dark:text-slate-400">Approving freezes the answers and scores and opens or resolves findings.</p>
      <div aria-live="polite"><FormResult state={state} /></div>
    </form>
  );
}

export function ReturnForm({ assessmentId, itemIds }: { assessmentId: string; itemIds: string[] }) {
  const [state, action, pending] = useActionState(returnAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <div>
        <label htmlFor="return-comment" className={labelClass}>Comment for the reviewers</label>
        <textarea id="return-comment" name="comment" required minLength={3} maxLength={4000} rows={3} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="return-items" className={labelClass}>Items it is about (optional)</label>
        <input id="return-items" name="itemIds" list="return-item-ids" placeholder="e.g. F03-SECRETS-STORE, F04-TLS" className={fieldClass} aria-describedby="return-items-hint" />
        <datalist id="return-item-ids">
          {itemIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <p id="return-items-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">The comment is shown on each item you name, separated by commas.</p>
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800">
        Return with comment
      </button>
      <div aria-live="polite"><FormResult state={state} withFieldErrors /></div>
    </form>
  );
}
