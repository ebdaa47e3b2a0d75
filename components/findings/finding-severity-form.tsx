"use client";

import { useActionState } from "react";
import { changeFindingSeverityAction } from "@/app/services/actions";
import { Submit } from "@/components/ui/form";
import { severities } from "@/lib/vocabulary/levels";
import { SelectField, TextField } from "@/components/ui/field";

/** A lead's override of a finding's severity, with the reason kept in its history; the due date follows it. */
export function FindingSeverityForm({ findingId, current }: { findingId: string; current: string }) {
  const [state, action, pending] = useActionState(changeFindingSeverityAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="findingId" value={findingId} />
      <SelectField id="finding-severity" name="severity" label="Severity" value={current} options={severities.options} />
      <TextField id="finding-severity-reason" name="reason" label="Why the severity changes" required minLength={5} maxLength={1000} />
      <Submit state={state} pending={pending} variant="outline" size="sm">
        Save severity
      </Submit>
    </form>
  );
}
