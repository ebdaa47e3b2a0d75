"use client";

import { useActionState } from "react";
import { confirmCarriedOverAction } from "@/app/assessments/[id]/actions";
import { Button } from "@/components/ui/button";
import { FormResult } from "@/components/ui/form";
import { calloutClass } from "@/components/ui/tone";

/**
 * One action for a factor whose carried-over answers still hold: confirms them
 * all as they stand. Each item can still be changed, or confirmed on its own.
 */
export function ConfirmCarriedOver({ assessmentId, factor, count }: { assessmentId: string; factor: number; count: number }) {
  const [state, run, pending] = useActionState(confirmCarriedOverAction, { ok: false, message: null });
  if (count === 0 && !state.message) return null;
  return (
    <form action={run} className={calloutClass("warning", "flex flex-wrap items-center gap-3 px-4 py-3")}>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="factor" value={factor} />
      {count > 0 ? (
        <>
          <p className="min-w-0 flex-1">
            {count === 1 ? "1 answer here is" : `${count} answers here are`} carried over from the last approved assessment. If nothing changed, confirm{" "}
            {count === 1 ? "it" : "them all"} at once.
          </p>
          <Button type="submit" disabled={pending} variant="confirm" size="sm">
            {pending ? "Confirming…" : `Confirm all ${count} unchanged`}
          </Button>
        </>
      ) : null}
      <div aria-live="polite" className="basis-full empty:hidden">
        <FormResult state={state} />
      </div>
    </form>
  );
}
