"use client";

import { useActionState } from "react";
import { createTeamAction, updateTeamAction } from "@/app/admin/teams/actions";
import { FieldError, fieldClass, FormResult, labelClass, primaryButtonClass } from "@/components/ui/form";

interface Team {
  id: string;
  name: string;
  description: string;
}

/** Creates a team, or (given one) renames it and edits its description. */
export function TeamForm({ team }: { team?: Team }) {
  const [state, action, pending] = useActionState(team ? updateTeamAction : createTeamAction, { ok: false, message: null });
  const key = team?.id ?? "new";
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:items-start">
      {team ? <input type="hidden" name="teamId" value={team.id} /> : null}
      <div>
        <label htmlFor={`team-name-${key}`} className={labelClass}>Team name</label>
        <input
          id={`team-name-${key}`}
          name="name"
          required
          minLength={2}
          maxLength={80}
          defaultValue={team?.name}
          className={fieldClass}
          aria-describedby={`team-name-${key}-error`}
        />
        <FieldError id={`team-name-${key}-error`} messages={state.fieldErrors?.name} />
      </div>
      <div>
        <label htmlFor={`team-description-${key}`} className={labelClass}>Description</label>
        <input
          id={`team-description-${key}`}
          name="description"
          maxLength={300}
          defaultValue={team?.description}
          className={fieldClass}
          aria-describedby={`team-description-${key}-error`}
        />
        <FieldError id={`team-description-${key}-error`} messages={state.fieldErrors?.description} />
      </div>
      <div className="sm:pt-6">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {team ? "Save team" : "Create team"}
        </button>
      </div>
      <div className="sm:col-span-3" aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}
