"use client";

import { useActionState } from "react";
import { createTeamAction, updateTeamAction } from "@/app/admin/teams/actions";
import { FormResult } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/field";

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
        <Label htmlFor={`team-name-${key}`}>Team name</Label>
        <Input
          id={`team-name-${key}`}
          name="name"
          required
          minLength={2}
          maxLength={80}
          defaultValue={team?.name}
          aria-describedby={`team-name-${key}-error`}
        />
        <FieldError id={`team-name-${key}-error`} messages={state.fieldErrors?.name} />
      </div>
      <div>
        <Label htmlFor={`team-description-${key}`}>Description</Label>
        <Input
          id={`team-description-${key}`}
          name="description"
          maxLength={300}
          defaultValue={team?.description}
          aria-describedby={`team-description-${key}-error`}
        />
        <FieldError id={`team-description-${key}-error`} messages={state.fieldErrors?.description} />
      </div>
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
