"use client";

import { useActionState, type ReactNode } from "react";
import { grantAuditorAction, setMembershipAction } from "@/app/admin/users/actions";
import { FormResult } from "@/components/ui/form";
import { teamRoles } from "@/lib/vocabulary/roles";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action";

type Choice = { id: string; label: string };

const optionsOf = (choices: Choice[]) => choices.map((c) => ({ value: c.id, label: c.label }));
const ROLE_CHOICES = [...teamRoles.options, { value: "none", label: "No role (remove)" }];

/** One of the access forms: a titled form whose failures name the fields they concern. */
function AccessForm(props: {
  id: string;
  title: string;
  action: (form: FormData) => void;
  state: ActionState;
  pending: boolean;
  submit: string;
  children: ReactNode;
}) {
  return (
    <form action={props.action} className="space-y-3" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`} className="text-sm font-semibold">
        {props.title}
      </h3>
      {props.children}
      <Button type="submit" disabled={props.pending}>
        {props.submit}
      </Button>
      <FormResult state={props.state} withFieldErrors />
    </form>
  );
}

export function AccessForms({ users, teams, maxDate }: { users: Choice[]; teams: Choice[]; maxDate: string }) {
  const [role, roleAction, savingRole] = useActionState(setMembershipAction, { ok: false, message: null });
  const [grant, grantAction, granting] = useActionState(grantAuditorAction, { ok: false, message: null });
  const chosen = { placeholder: "Choose…", required: true };
  return (
    <div className="grid gap-6 px-5 py-4 lg:grid-cols-2">
      <AccessForm id="team-role" title="Team role" action={roleAction} state={role} pending={savingRole} submit="Save team role">
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField id="role-user" name="userId" label="User" options={optionsOf(users)} {...chosen} />
          <SelectField id="role-team" name="teamId" label="Team" options={optionsOf(teams)} {...chosen} />
          <SelectField id="role-role" name="role" label="Role" options={ROLE_CHOICES} {...chosen} />
        </div>
      </AccessForm>
      <AccessForm id="grant" title="Org-wide auditor access" action={grantAction} state={grant} pending={granting} submit="Grant read access">
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id="grant-user" name="userId" label="User" options={optionsOf(users)} {...chosen} />
          <TextField id="grant-expires" name="expiresOn" label="Access ends after" type="date" required max={maxDate} />
        </div>
        <TextField id="grant-reason" name="reason" label="Reason" required maxLength={200} placeholder="e.g. SOC 2 audit, FY2027" />
      </AccessForm>
    </div>
  );
}
