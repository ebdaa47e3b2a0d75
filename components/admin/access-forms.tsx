"use client";

import { useActionState } from "react";
import { grantAuditorAction, setMembershipAction } from "@/app/admin/users/actions";
import { FormResult } from "@/components/ui/form";
import { teamRoles } from "@/lib/vocabulary/roles";
import { Button } from "@/components/ui/button";
import { Input, Label, SelectField } from "@/components/ui/field";

type Option = { id: string; label: string };

const pairs = (options: Option[]) => options.map((o) => [o.id, o.label] as const);

function Choose({ id, name, label, options }: { id: string; name: string; label: string; options: readonly (readonly [string, string])[] }) {
  return <SelectField id={id} name={name} label={label} options={options} placeholder="Choose…" required />;
}

export function AccessForms({ users, teams, maxDate }: { users: Option[]; teams: Option[]; maxDate: string }) {
  const [role, roleAction, savingRole] = useActionState(setMembershipAction, { ok: false, message: null });
  const [grant, grantAction, granting] = useActionState(grantAuditorAction, { ok: false, message: null });
  return (
    <div className="grid gap-6 px-5 py-4 lg:grid-cols-2">
      <form action={roleAction} className="space-y-3" aria-labelledby="team-role-heading">
        <h3 id="team-role-heading" className="text-sm font-semibold">
          Team role
        </h3>
        <div className="grid gap-3 sm:grid-cols-3">
          <Choose id="role-user" name="userId" label="User" options={pairs(users)} />
          <Choose id="role-team" name="teamId" label="Team" options={pairs(teams)} />
          <Choose
            id="role-role"
            name="role"
            label="Role"
            options={[...teamRoles.options.map(({ value, label }) => [value, label] as const), ["none", "No role (remove)"]]}
          />
        </div>
        <Button type="submit" disabled={savingRole}>
          Save team role
        </Button>
        <FormResult state={role} withFieldErrors />
      </form>
      <form action={grantAction} className="space-y-3" aria-labelledby="grant-heading">
        <h3 id="grant-heading" className="text-sm font-semibold">
          Org-wide auditor access
        </h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <Choose id="grant-user" name="userId" label="User" options={pairs(users)} />
          <div>
            <Label htmlFor="grant-expires">Access ends after</Label>
            <Input id="grant-expires" name="expiresOn" type="date" required max={maxDate} />
          </div>
        </div>
        <div>
          <Label htmlFor="grant-reason">Reason</Label>
          <Input id="grant-reason" name="reason" required maxLength={200} placeholder="e.g. SOC 2 audit, FY2027" />
        </div>
        <Button type="submit" disabled={granting}>
          Grant read access
        </Button>
        <FormResult state={grant} withFieldErrors />
      </form>
    </div>
  );
}
