"use client";

import { startAssessmentAction } from "@/app/services/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form";
import { useActionThenGo } from "@/components/ui/use-action-then-go";

export function StartAssessmentButton({ serviceId, carriesOver }: { serviceId: string; carriesOver: boolean }) {
  const { state, run, leaving } = useActionThenGo(startAssessmentAction, (started) => `/assessments/${started.id}/factors/1`);
  return (
    <form action={run} className="flex flex-col items-end gap-1">
      <input type="hidden" name="serviceId" value={serviceId} />
      <Button type="submit" disabled={leaving}>
        {leaving ? "Starting…" : "Start an assessment"}
      </Button>
      <p className="text-xs text-muted">
        {carriesOver ? "Starts from the last completed one: what held stands, gaps and changes are asked again." : "Starts blank on the current checklist."}
      </p>
      <FormError state={state} />
    </form>
  );
}
