"use client";

import { useActionState } from "react";
import { approveAssessmentAction, returnAssessmentAction, submitAssessmentAction } from "@/app/assessments/[id]/actions";
import { FormResult } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { Input, Label, Textarea } from "@/components/ui/field";

export function SubmitForm({ assessmentId, ready }: { assessmentId: string; ready: boolean }) {
  const [state, action, pending] = useActionState(submitAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <Button type="submit" disabled={pending} aria-describedby="submit-hint">
        Submit for sign-off
      </Button>
      <p id="submit-hint" className="text-xs text-muted">
        {ready
          ? "Every item is answered. A lead of the team approves it or returns it to you."
          : "Every item needs an answer first; the list below shows what is left."}
      </p>
      <div aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}

export function ApproveForm({ assessmentId }: { assessmentId: string }) {
  const [state, action, pending] = useActionState(approveAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <Button type="submit" disabled={pending} variant="approve">
        Approve
      </Button>
      <p className="text-xs text-muted">Approving freezes the answers and scores and opens or resolves findings.</p>
      <div aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}

export function ReturnForm({ assessmentId, itemIds }: { assessmentId: string; itemIds: string[] }) {
  const [state, action, pending] = useActionState(returnAssessmentAction, { ok: false, message: null });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <div>
        <Label htmlFor="return-comment">Comment for the reviewers</Label>
        <Textarea id="return-comment" name="comment" required minLength={3} maxLength={4000} rows={3} />
      </div>
      <div>
        <Label htmlFor="return-items">Items it is about (optional)</Label>
        <Input id="return-items" name="itemIds" list="return-item-ids" placeholder="e.g. F03-SECRETS-STORE, F04-TLS" aria-describedby="return-items-hint" />
        <datalist id="return-item-ids">
          {itemIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <p id="return-items-hint" className="mt-1 text-xs text-muted">
          The comment is shown on each item you name, separated by commas.
        </p>
      </div>
      <Button type="submit" disabled={pending} variant="outline">
        Return with comment
      </Button>
      <div aria-live="polite">
        <FormResult state={state} withFieldErrors />
      </div>
    </form>
  );
}
