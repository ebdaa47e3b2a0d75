"use client";

import { useActionState } from "react";
import { assignFactorAction } from "@/app/assessments/[id]/actions";
import { Select } from "@/components/ui/field";
import { Submit } from "@/components/ui/form";

/** A reviewer asks a service owner (or another reviewer) to answer this factor; they are told, and it joins their tasks. */
export function AssignFactor(props: { assessmentId: string; factor: number; people: { id: string; name: string; role: string }[]; current: string }) {
  const [state, run, pending] = useActionState(assignFactorAction, { ok: false, message: null });
  const id = `assign-factor-${props.factor}`;
  return (
    <form action={run} className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface px-4 py-3 text-sm">
      <input type="hidden" name="assessmentId" value={props.assessmentId} />
      <input type="hidden" name="factor" value={props.factor} />
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block font-medium">
          Who answers this factor
        </label>
        <Select
          id={id}
          name="assigneeId"
          defaultValue={props.current}
          all="No one in particular"
          options={props.people.map((p) => ({ value: p.id, label: `${p.name} (${p.role})` }))}
          className="mt-1 w-full max-w-sm"
        />
      </div>
      <div>
        <Submit state={state} pending={pending} size="sm" variant="secondary" resultClassName="basis-full">
          Assign
        </Submit>
      </div>
    </form>
  );
}
