"use client";

import { useActionState } from "react";
import { acceptRiskAction, addCommentAction, assignOwnerAction, setDueDateAction, setProgressAction } from "@/app/findings/[id]/actions";
import type { ActionState } from "@/lib/actions/action";
import { fieldClass, FormResult, labelClass, primaryButtonClass } from "@/components/ui/form";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/** A small form around one server action, with its outcome announced. */
function ActionForm({ action, findingId, submit, children, primary = false }: { action: Action; findingId: string; submit: string; children?: React.ReactNode; primary?: boolean }) {
  const [state, run, pending] = useActionState(action, { ok: false, message: null });
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="findingId" value={findingId} />
      {children}
      <button
        type="submit"
        disabled={pending}
        className={primary ? primaryButtonClass : "rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"}
      >
        {submit}
      </button>
      <div aria-live="polite"><FormResult state={state} withFieldErrors /></div>
    </form>
  );
}

export function OwnerForm({ findingId, current, owners }: { findingId: string; current: string | null; owners: { id: string; name: string }[] }) {
  return (
    <ActionForm action={assignOwnerAction} findingId={findingId} submit="Save owner">
      <label htmlFor="finding-owner" className={labelClass}>Owner</label>
      <select id="finding-owner" name="ownerId" defaultValue={current ?? ""} className={fieldClass}>
        <option value="">No owner</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
    </ActionForm>
  );
}

export function ProgressForm({ findingId, status }: { findingId: string; status: string }) {
  const next = status === "in_progress" ? "open" : "in_progress";
  const label = status === "risk_accepted" ? "End the risk acceptance now" : next === "in_progress" ? "Mark as in progress" : "Mark as open";
  return (
    <ActionForm action={setProgressAction} findingId={findingId} submit={label}>
      <input type="hidden" name="status" value={status === "risk_accepted" ? "open" : next} />
    </ActionForm>
  );
}

export function DueDateForm({ findingId, current }: { findingId: string; current: string | null }) {
  return (
    <ActionForm action={setDueDateAction} findingId={findingId} submit="Move due date">
      <div>
        <label htmlFor="finding-due" className={labelClass}>Due date</label>
        <input id="finding-due" name="dueOn" type="date" required defaultValue={current ?? ""} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="finding-due-reason" className={labelClass}>Reason</label>
        <input id="finding-due-reason" name="reason" required minLength={5} maxLength={1000} className={fieldClass} />
      </div>
    </ActionForm>
  );
}

export function AcceptRiskForm({ findingId, maxDate, minDate }: { findingId: string; maxDate: string; minDate: string }) {
  return (
    <ActionForm action={acceptRiskAction} findingId={findingId} submit="Accept the risk" primary>
      <div>
        <label htmlFor="risk-reason" className={labelClass}>Why the risk is acceptable</label>
        <textarea id="risk-reason" name="reason" required minLength={5} maxLength={1000} rows={3} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="risk-expires" className={labelClass}>Accepted until</label>
        <input id="risk-expires" name="expiresOn" type="date" required min={minDate} max={maxDate} className={fieldClass} aria-describedby="risk-expires-hint" />
        <p id="risk-expires-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">At most until {maxDate}. It reopens by itself after that day.</p>
      </div>
    </ActionForm>
  );
}

export function CommentForm({ findingId }: { findingId: string }) {
  return (
    <ActionForm action={addCommentAction} findingId={findingId} submit="Add comment">
      <label htmlFor="finding-comment" className={labelClass}>Comment</label>
      <textarea id="finding-comment" name="body" required maxLength={4000} rows={3} className={fieldClass} />
    </ActionForm>
  );
}
