"use client";

import { useActionState, useId } from "react";
import { validateResponseAction } from "@/app/assessments/[id]/actions";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form";
import { Badge, calloutClass } from "@/components/ui/tone";

export interface ValidationView {
  /** "Attested by …; validated by …". */
  attestation: string;
  validation: "agreed" | "sent_back" | null;
  validatedBy: string | null;
  validationComment: string;
  validationGap: string | null;
  mayValidate: boolean;
  assignee: string | null;
  recheckReason: string | null;
}

/** Who gave an item's answer and where it stands with security; for a reviewer, agree or send it back. */
export function ValidationPanel(props: { assessmentId: string; itemId: string; version: number; view: ValidationView }) {
  const { view } = props;
  return (
    <div className="space-y-2 text-sm">
      {view.recheckReason ? <p className={calloutClass("warning", "px-3 py-2")}>Asked again: {view.recheckReason}</p> : null}
      {view.validation === "sent_back" ? (
        <div className={calloutClass("danger", "px-3 py-2")} role="note">
          <p>
            <span className="font-semibold">Sent back by {view.validatedBy ?? "a former user"}:</span> {view.validationComment}
          </p>
          <p className="mt-1 text-xs">Change the answer, or say more in its justification: saving it asks security again.</p>
        </div>
      ) : null}
      <p className="flex flex-wrap items-center gap-2 text-muted">
        {view.validationGap === "awaiting validation" ? <Badge tone="info">Awaiting validation</Badge> : null}
        {view.validation === "agreed" ? <Badge tone="success">Validated</Badge> : null}
        {view.assignee ? <span>Assigned to {view.assignee}.</span> : null}
        <span>{view.attestation}</span>
      </p>
      {view.mayValidate ? <ValidateForms {...props} /> : null}
    </div>
  );
}

function ValidateForms({ assessmentId, itemId, version }: { assessmentId: string; itemId: string; version: number }) {
  const [agreed, agree, agreeing] = useActionState(validateResponseAction, { ok: false, message: null });
  const [sent, sendBack, sending] = useActionState(validateResponseAction, { ok: false, message: null });
  const id = useId();
  const hidden = (
    <>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="rounded-lg border border-line bg-subtle px-3 py-3">
      <p className="font-medium">Validate this answer</p>
      <div className="mt-2 flex flex-wrap items-start gap-3">
        <form action={agree}>
          {hidden}
          <input type="hidden" name="decision" value="agree" />
          <Button type="submit" size="sm" variant="approve" disabled={agreeing} aria-label={`Agree with the answer to ${itemId}`}>
            Agree
          </Button>
        </form>
        <details className="min-w-0 flex-1">
          <summary className="inline-flex min-h-8 cursor-pointer items-center font-medium text-link">Send back with a comment</summary>
          <form action={sendBack} className="mt-2 space-y-2">
            {hidden}
            <input type="hidden" name="decision" value="send_back" />
            <Label htmlFor={`${id}-comment`}>What should the owner change?</Label>
            <Textarea id={`${id}-comment`} name="comment" rows={2} maxLength={4000} required />
            <Button type="submit" size="sm" variant="outline" disabled={sending}>
              Send back
            </Button>
          </form>
        </details>
      </div>
      <div aria-live="polite" className="mt-2 empty:hidden">
        <FormResult state={agreed} withFieldErrors />
        <FormResult state={sent} withFieldErrors />
      </div>
    </div>
  );
}
