"use client";

import { useActionState, useState } from "react";
import { createGroupMappingAction, removeGroupMappingAction } from "@/app/admin/identity/actions";
import { Button } from "@/components/ui/button";
import { Select, SelectField, TextField } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form";
import { InlineActionButton } from "@/components/ui/inline-action";
import { groupGrants } from "@/lib/vocabulary/records";
import { teamRoles } from "@/lib/vocabulary/roles";

/** Maps an identity-provider group to what its members get: a team role, org auditor access until a day, or admin. */
export function GroupMappingForm({ teams, latestUntil }: { teams: { id: string; name: string }[]; latestUntil: string }) {
  const [state, action, pending] = useActionState(createGroupMappingAction, { ok: false, message: null });
  const [grant, setGrant] = useState("team_role");
  return (
    <form action={action} aria-label="New group mapping" className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-start">
      <TextField
        id="group-name"
        name="groupName"
        label="Group"
        required
        maxLength={256}
        placeholder="twelvefold-payments-leads"
        errors={state.fieldErrors?.groupName}
      />
      <div>
        <label htmlFor="group-grant" className="mb-1 block text-sm font-medium">
          Gives
        </label>
        <Select id="group-grant" name="grant" value={grant} onChange={(event) => setGrant(event.target.value)} options={groupGrants.options} />
      </div>
      {grant === "team_role" ? (
        <>
          <SelectField id="group-team" name="teamId" label="Team" required placeholder="Choose" options={teams.map((t) => ({ value: t.id, label: t.name }))} />
          <SelectField id="group-role" name="role" label="Role" required value="reviewer" options={teamRoles.options} />
        </>
      ) : null}
      {grant === "org_auditor" ? (
        <TextField id="group-until" name="untilOn" type="date" label="Until" required max={latestUntil} errors={state.fieldErrors?.untilOn} />
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          Map group
        </Button>
        <div aria-live="polite">
          <FormResult state={state} />
        </div>
      </div>
    </form>
  );
}

export function RemoveGroupMappingButton({ mappingId, label }: { mappingId: string; label: string }) {
  return (
    <InlineActionButton
      action={removeGroupMappingAction}
      field="mappingId"
      value={mappingId}
      label="Remove"
      accessibleName={`Remove the mapping of ${label}`}
    />
  );
}
