"use client";

import { useActionState } from "react";
import { changeFindingSeverityAction } from "@/app/services/actions";
import { fieldClass, FormResult, labelClass } from "@/components/ui/form";
import { severities } from "@/lib/vocabulary/levels";

/** A lead's override of a finding's severity, with the reason kept in its history. */
export function FindingSeverityForm({ findingId, current }: { findingId: string; current: string }) {
  const [state, action, pending] = useActionState(changeFindingSeverityAction, { ok: false, message: null });
  const id = `severity-${findingId}`;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs font-medium text-indigo-700 dark:text-indigo-300">Change severity</summary>
      <form action={action} className="mt-2 grid gap-2 sm:grid-cols-[8rem_minmax(0,1fr)_auto] sm:items-end">
        <input type="hidden" name="findingId" value={findingId} />
        <div>
          <label htmlFor={`${id}-level`} className={labelClass}>Severity</label>
          <select id={`${id}-level`} name="severity" defaultValue={current} className={fieldClass}>
            {severities.options.map(({ value, label }) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className={labelClass}>Reason</label>
          <input id={`${id}-reason`} name="reason" required minLength={5} maxLength={1000} className={fieldClass} />
        </div>
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800">
          Save
        </button>
        <div className="sm:col-span-3" aria-live="polite"><FormResult state={state} withFieldErrors /></div>
      </form>
    </details>
  );
}
