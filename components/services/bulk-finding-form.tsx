"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import { updateFindingsAction } from "@/app/services/actions";
import { Button } from "@/components/ui/button";
import { Select, SelectField, TextField, type Option } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form";
import { findingStatuses } from "@/lib/vocabulary/findings";
import { severities } from "@/lib/vocabulary/levels";

const CHANGES: Option[] = [
  { value: "owner", label: "Set the owner" },
  { value: "due", label: "Move the due date" },
  { value: "severity", label: "Change the severity" },
  { value: "progress", label: "Set the status" },
];

const PROGRESS = findingStatuses.options.filter((o) => o.value === "open" || o.value === "in_progress");

/**
 * One change for the findings ticked in the list: the lead chooses what to
 * change, fills in its fields, and applies it to all of them at once (all or
 * none). A refused change keeps what was typed and the ticks.
 */
export function BulkFindingForm({ selected, owners, onDone }: { selected: string[]; owners: Option[]; onDone: () => void }) {
  const [state, action, pending] = useActionState(updateFindingsAction, { ok: false, message: null });
  const [change, setChange] = useState("owner");
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);
  const errors = (field: string) => state.fieldErrors?.[field];
  // Submitted by hand, so that React does not reset the form when the change is refused.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  const count = selected.length;
  return (
    <form onSubmit={submit} aria-label="Change the chosen findings" className="space-y-3 border-b border-line bg-subtle px-5 py-4 text-sm">
      <input type="hidden" name="findingIds" value={selected.join(",")} />
      <p className="font-medium" aria-live="polite">
        {count ? `${count} finding${count === 1 ? "" : "s"} chosen` : "Tick findings below to change several at once."}
      </p>
      <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)] sm:items-end">
        <div>
          <label htmlFor="bulk-change" className="mb-1 block text-sm font-medium">
            Change
          </label>
          <Select id="bulk-change" name="change" options={CHANGES} value={change} onChange={(event) => setChange(event.target.value)} />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {change === "owner" ? <SelectField id="bulk-owner" name="ownerId" label="Owner" all="No owner" options={owners} /> : null}
          {change === "due" ? <TextField id="bulk-due" name="dueOn" type="date" label="Due on" required errors={errors("dueOn")} /> : null}
          {change === "severity" ? (
            <SelectField id="bulk-severity" name="severity" label="Severity" placeholder="Choose" required options={severities.options} />
          ) : null}
          {change === "progress" ? <SelectField id="bulk-status" name="status" label="Status" value="in_progress" options={PROGRESS} /> : null}
          {change === "due" || change === "severity" ? (
            <TextField id="bulk-reason" name="reason" label="Reason" required minLength={5} maxLength={1000} errors={errors("reason")} />
          ) : null}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={pending || count === 0}>
          {count ? `Apply to ${count} finding${count === 1 ? "" : "s"}` : "Apply"}
        </Button>
        <div aria-live="polite">
          <FormResult state={state} withFieldErrors={Boolean(state.fieldErrors?.findingIds)} />
        </div>
      </div>
    </form>
  );
}
