"use client";

import { useActionState } from "react";
import { acceptRiskAction, decideRiskAction, addCommentAction, assignOwnerAction, setDueDateAction, setProgressAction } from "@/app/findings/[id]/actions";
import type { ActionState } from "@/lib/actions/action";
import { Submit } from "@/components/ui/form";
import { Label, SelectField, Textarea, TextField } from "@/components/ui/field";

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
      <Submit state={state} pending={pending} variant={primary ? "primary" : "outline"} size={primary ? "md" : "sm"}>
        {submit}
      </Submit>
    </form>
  );
}

export function OwnerForm({ findingId, current, owners }: { findingId: string; current: string | null; owners: { id: string; name: string }[] }) {
  return (
    <ActionForm action={assignOwnerAction} findingId={findingId} submit="Save owner">
      <SelectField
        id="finding-owner"
        name="ownerId"
        label="Owner"
        value={current ?? ""}
        all="No owner"
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
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
      <TextField id="finding-due" name="dueOn" label="Due date" type="date" required defaultValue={current ?? ""} />
      <TextField id="finding-due-reason" name="reason" label="Reason" required minLength={5} maxLength={1000} />
    </ActionForm>
  );
}

export function AcceptRiskForm({ findingId, maxDate, minDate, request = false }: { findingId: string; maxDate: string; minDate: string; request?: boolean }) {
  return (
    <ActionForm action={acceptRiskAction} findingId={findingId} submit={request ? "Ask a second lead" : "Accept the risk"} primary>
      <div>
        <Label htmlFor="risk-reason">Why the risk is acceptable</Label>
        <Textarea id="risk-reason" name="reason" required minLength={5} maxLength={1000} rows={3} />
      </div>
      <TextField
        id="risk-expires"
        name="expiresOn"
        label="Accepted until"
        type="date"
        required
        min={minDate}
        max={maxDate}
        hint={`At most until ${maxDate}. It reopens by itself after that day.`}
      />
    </ActionForm>
  );
}

/** A second lead approves or rejects a pending risk acceptance, with a note. */
export function DecideRiskForm({ findingId }: { findingId: string }) {
  const [state, run, pending] = useActionState(decideRiskAction, { ok: false, message: null });
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="findingId" value={findingId} />
      <Label htmlFor="risk-note">Note (shown to the lead who asked, and kept in the history)</Label>
      <Textarea id="risk-note" name="note" maxLength={2000} rows={2} />
      <div className="flex flex-wrap items-center gap-2">
        <Submit state={state} pending={pending} name="decision" value="approve" resultClassName="basis-full">
          Approve
        </Submit>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          className="rounded-md border border-field px-3 py-1.5 text-sm font-medium hover:bg-hover"
        >
          Reject
        </button>
      </div>
    </form>
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
