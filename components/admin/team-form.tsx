"use client";

import { useActionState } from "react";
import { createTeamAction, updateTeamAction } from "@/app/admin/teams/actions";
import { FormResult } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

interface Team {
  id: string;
  name: string;
  description: string;
}

/** Creates a team, or (given one) renames it and edits its description. */
export function TeamForm({ team, className = "" }: { team?: Team; className?: string }) {
  const [state, action, pending] = useActionState(team ? updateTeamAction : createTeamAction, { ok: false, message: null });
  const key = team?.id ?? "new";
  return (
    <form action={action} className={`grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:items-start ${className}`}>
      {team ? <input type="hidden" name="teamId" value={team.id} /> : null}
      <TextField
        id={`team-name-${key}`}
        name="name"
        label="Team name"
        required
        minLength={2}
        maxLength={80}
        defaultValue={team?.name}
        errors={state.fieldErrors?.name}
      />
      <TextField
        id={`team-description-${key}`}
        name="description"
        label="Description"
        maxLength={300}
        defaultValue={team?.description}
        errors={state.fieldErrors?.description}
      />
      <div className="sm:pt-6">
        <Button type="submit" disabled={pending}>
          {team ? "Save team" : "Create team"}
        </Button>
      </div>
      <div className="sm:col-span-3" aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}
