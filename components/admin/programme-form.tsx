"use client";

import { useActionState } from "react";
import { saveProgrammeAction } from "@/app/admin/programme/actions";
import { TextField } from "@/components/ui/field";
import { Submit } from "@/components/ui/form";
import type { ReviewIntervals } from "@/lib/programme/cadence";
import { severities, tiers, type Severity } from "@/lib/vocabulary/levels";

export function ProgrammeForm({ intervals, fourEyes }: { intervals: ReviewIntervals; fourEyes: Severity[] }) {
  const [state, action, pending] = useActionState(saveProgrammeAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-6 px-5 py-5">
      <fieldset>
        <legend className="text-sm font-semibold">Days between reviews, by tier</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-4">
          {tiers.values.map((tier) => (
            <TextField
              key={tier}
              id={`interval-${tier}`}
              name={tier}
              label={tiers.label(tier)}
              type="number"
              min={7}
              max={1095}
              required
              defaultValue={String(intervals[tier])}
              errors={state.fieldErrors?.[tier]}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold">Four eyes on risk acceptance</legend>
        <p className="mt-1 text-sm text-muted">
          For findings of these severities, a lead&apos;s acceptance is a request that a second lead of the team approves or rejects.
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {severities.values.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`fourEyes_${s}`} defaultChecked={fourEyes.includes(s)} />
              {severities.label(s)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Submit state={state} pending={pending} busy="Saving…">
          Save settings
        </Submit>
      </div>
    </form>
  );
}
