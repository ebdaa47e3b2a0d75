"use client";

import { useActionState } from "react";
import { setDriftPolicyAction } from "@/app/tokens/actions";
import { Submit } from "@/components/ui/form";

/** One team's choice: whether evidence drifting on a critical or high item opens its finding at once. */
export function DriftPolicyForm({ teamId, name, opensFindings }: { teamId: string; name: string; opensFindings: boolean }) {
  const [state, action, pending] = useActionState(setDriftPolicyAction, { ok: false, message: null });
  return (
    <form action={action} className="flex flex-wrap items-center gap-3 px-5 py-3">
      <input type="hidden" name="teamId" value={teamId} />
      <label className="flex flex-1 items-center gap-2 text-sm">
        <input type="checkbox" name="opensFindings" value="on" defaultChecked={opensFindings} className="h-4 w-4" />
        <span>
          <span className="font-medium">{name}</span>: a drift on a critical or high item opens (or reopens) its finding at once
        </span>
      </label>
      <Submit state={state} pending={pending} busy="Saving…" variant="outline" size="sm" aria-label={`Save the drift setting of ${name}`}>
        Save
      </Submit>
    </form>
  );
}
