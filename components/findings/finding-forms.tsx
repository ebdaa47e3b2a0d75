"use client";

import { useActionState } from "react";
import { acceptRiskAction, addCommentAction, assignOwnerAction, setDueDateAction, setProgressAction } from "@/app/findings/[id]/actions";
import type { ActionState } from "@/lib/actions/action";
import { Button } from "@/components/ui/button";
import { FormResult } from "@/components/ui/form";
import { Input, Label, Select, Textarea } from "@/components/ui/field";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/** A small form around one server action, with its outcome announced. */
function ActionForm({
  action,
  findingId,
  submit,
  children,
  primary = false,
}: {
  action: Action;
  findingId: string;
  submit: string;
  children?: React.ReactNode;
  primary?: boolean;
}) {
  const [state, run, pending] = useActionState(action, { ok: false, message: null });
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="findingId" value={findingId} />
      {children}
      <Button type="submit" disabled={pending} variant={primary ? "primary" : "outline"} size={primary ? "md" : "sm"}>
        {submit}
      </Button>
      <div aria-live="polite">
        <FormResult state={state} withFieldErrors />
      </div>
    </form>
  );
}

export function OwnerForm({ findingId, current, owners }: { findingId: string; current: string | null; owners: { id: string; name: string }[] }) {
  return (
    <ActionForm action={assignOwnerAction} findingId={findingId} submit="Save owner">
      <Label htmlFor="finding-owner">Owner</Label>
      <Select id="finding-owner" name="ownerId" defaultValue={current ?? ""}>
        <option value="">No owner</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </ActionForm>
  );
}

export function ProgressForm({ findingId, status }: { findingId: string; status: string }) {
  const next = status === "in_progress" ? "open" : "in_progress";
  const label = status === "risk_accepted" ? "End the risk acceptance now" : next === "in_progress" ? "Mark as in progress" : "Mark as open";
  return (
    <ActionForm action={setProgressAction} findingId={findingId} submit={label}>
      <input type="hidden" name="status" value={status === "risk_accepted" ? "open" : next} />
    </ActionForm>
  );
}

export function DueDateForm({ findingId, current }: { findingId: string; current: string | null }) {
  return (
    <ActionForm action={setDueDateAction} findingId={findingId} submit="Move due date">
      <div>
        <Label htmlFor="finding-due">Due date</Label>
        <Input id="finding-due" name="dueOn" type="date" required defaultValue={current ?? ""} />
      </div>
      <div>
        <Label htmlFor="finding-due-reason">Reason</Label>
        <Input id="finding-due-reason" name="reason" required minLength={5} maxLength={1000} />
      </div>
    </ActionForm>
  );
}

export function AcceptRiskForm({ findingId, maxDate, minDate }: { findingId: string; maxDate: string; minDate: string }) {
  return (
    <ActionForm action={acceptRiskAction} findingId={findingId} submit="Accept the risk" primary>
      <div>
        <Label htmlFor="risk-reason">Why the risk is acceptable</Label>
        <Textarea id="risk-reason" name="reason" required minLength={5} maxLength={1000} rows={3} />
      </div>
      <div>
        <Label htmlFor="risk-expires">Accepted until</Label>
        <Input id="risk-expires" name="expiresOn" type="date" required min={minDate} max={maxDate} aria-describedby="risk-expires-hint" />
        <p id="risk-expires-hint" className="mt-1 text-xs text-muted">
          At most until {maxDate}. It reopens by itself after that day.
        </p>
      </div>
    </ActionForm>
  );
}

export function CommentForm({ findingId }: { findingId: string }) {
  return (
    <ActionForm action={addCommentAction} findingId={findingId} submit="Add comment">
      <Label htmlFor="finding-comment">Comment</Label>
      <Textarea id="finding-comment" name="body" required maxLength={4000} rows={3} />
    </ActionForm>
  );
}
