"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { startAssessmentAction } from "@/app/services/actions";
import { Button } from "@/components/ui/button";

export function StartAssessmentButton({ serviceId, carriesOver }: { serviceId: string; carriesOver: boolean }) {
  const [state, action, pending] = useActionState(startAssessmentAction, { ok: false, message: null });
  const router = useRouter();
  useEffect(() => {
    if (state.ok && state.data) router.push(`/assessments/${state.data.id}/factors/1`);
  }, [state, router]);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="serviceId" value={serviceId} />
      <Button type="submit" disabled={pending || state.ok}>
        {pending || state.ok ? "Starting…" : "Start an assessment"}
      </Button>
      <p className="text-xs text-muted">
        {carriesOver ? "Starts from the last completed one; confirm each carried answer." : "Starts blank on the current checklist."}
      </p>
      {state.message && !state.ok ? (
        <p role="alert" className="text-sm text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
