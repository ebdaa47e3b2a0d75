"use client";

import { useActionState } from "react";
import { drawSampleAction } from "@/app/assessments/[id]/actions";
import { Input, Label } from "@/components/ui/field";
import { Submit } from "@/components/ui/form";
import { severities } from "@/lib/vocabulary/levels";

/**
 * Security names a sampling rule; the system draws the sample and records it.
 * Drawn once: the answers it leaves out are accepted without a check of their own.
 */
export function DrawSampleForm({ assessmentId, waiting }: { assessmentId: string; waiting: number }) {
  const [state, run, pending] = useActionState(drawSampleAction, { ok: false, message: null });
  return (
    <form action={run} className="space-y-3 border-t border-line pt-3">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <p>
        Or validate a sample of the {waiting} waiting: every answer of the severities you tick, and a share of the rest drawn at random. It is drawn once, and
        recorded.
      </p>
      <fieldset>
        <legend className="font-medium">Validate every answer of severity</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {severities.options.map((o) => (
            <label key={o.value} className="flex min-h-6 items-center gap-2">
              <input type="checkbox" name={`severity-${o.value}`} defaultChecked={o.value === "critical" || o.value === "high"} className="h-4 w-4" />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <div>
          <Label htmlFor={`${assessmentId}-percent`}>And of the rest (%)</Label>
          <Input id={`${assessmentId}-percent`} name="percent" type="number" min={0} max={100} defaultValue={20} required className="mt-1 w-24" />
        </div>
        <div>
          <Label htmlFor={`${assessmentId}-minimum`}>At least, in all</Label>
          <Input id={`${assessmentId}-minimum`} name="minimum" type="number" min={0} max={200} defaultValue={0} className="mt-1 w-24" />
        </div>
      </div>
      <Submit state={state} pending={pending} busy="Drawing…" size="sm" variant="secondary">
        Draw the sample
      </Submit>
    </form>
  );
}
