"use client";

import { useActionState } from "react";
import { changeFindingSeverityAction } from "@/app/services/actions";
import { FormResult } from "@/components/ui/form";
import { severities } from "@/lib/vocabulary/levels";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";

/** A lead's override of a finding's severity, with the reason kept in its history. */
export function FindingSeverityForm({ findingId, current }: { findingId: string; current: string }) {
  const [state, action, pending] = useActionState(changeFindingSeverityAction, { ok: false, message: null });
  const id = `severity-${findingId}`;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs font-medium text-link">Change severity</summary>
      <form action={action} className="mt-2 grid gap-2 sm:grid-cols-[8rem_minmax(0,1fr)_auto] sm:items-end">
        <input type="hidden" name="findingId" value={findingId} />
        <div>
          <Label htmlFor={`${id}-level`}>Severity</Label>
          <Select id={`${id}-level`} name="severity" defaultValue={current}>
            {severities.options.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-reason`}>Reason</Label>
          <Input id={`${id}-reason`} name="reason" required minLength={5} maxLength={1000} />
        </div>
        <Button type="submit" disabled={pending} variant="outline" size="sm">
          Save
        </Button>
        <div className="sm:col-span-3" aria-live="polite">
          <FormResult state={state} withFieldErrors />
        </div>
      </form>
    </details>
  );
}
