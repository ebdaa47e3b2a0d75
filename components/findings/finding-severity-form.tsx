"use client";

import { useActionState } from "react";
import { changeFindingSeverityAction } from "@/app/services/actions";
import { Submit } from "@/components/ui/form";
import { severities } from "@/lib/vocabulary/levels";
import { SelectField, TextField } from "@/components/ui/field";

/** A lead's override of a finding's severity, with the reason kept in its history. */
export function FindingSeverityForm({ findingId, current }: { findingId: string; current: string }) {
  const [state, action, pending] = useActionState(changeFindingSeverityAction, { ok: false, message: null });
  const id = `severity-${findingId}`;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer py-1 text-xs font-medium text-link">Change severity</summary>
      <form action={action} className="mt-2 grid gap-2 sm:grid-cols-[8rem_minmax(0,1fr)_auto] sm:items-end">
        <input type="hidden" name="findingId" value={findingId} />
        <SelectField id={`${id}-level`} name="severity" label="Severity" value={current} options={severities.options} />
        <TextField id={`${id}-reason`} name="reason" label="Reason" required minLength={5} maxLength={1000} />
        <Submit state={state} pending={pending} variant="outline" size="sm" resultClassName="sm:col-span-3">
          Save
        </Submit>
      </form>
    </details>
  );
}
