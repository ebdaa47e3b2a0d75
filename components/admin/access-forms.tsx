"use client";

import { useActionState } from "react";
import { grantAuditorAction, setMembershipAction } from "@/app/admin/users/actions";
import { fieldClass, FormResult, primaryButtonClass } from "@/components/ui/form";
import { teamRoles } from "@/lib/vocabulary/roles";

type Option = { id: string; label: string };

function Select({ id, name, label, options }: { id: string; name: string; label: string; options: Option[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <select id={id} name={name} required className={fieldClass} defaultValue="">
        <option value="" disabled>Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

export function AccessForms({ users, teams, maxDate }: { users: Option[]; teams: Option[]; maxDate: string }) {
  const [role, roleAction, savingRole] = useActionState(setMembershipAction, { ok: false, message: null });
  const [grant, grantAction, granting] = useActionState(grantAuditorAction, { ok: false, message: null });
  return (
    <div className="grid gap-6 px-5 py-4 lg:grid-cols-2">
      <form action={roleAction} className="space-y-3" aria-labelledby="team-role-heading">
        <h3 id="team-role-heading" className="text-sm font-semibold">Team role</h3>
        <div className="grid gap-3 sm:grid-cols-3">
          <Select id="role-user" name="userId" label="User" options={users} />
          <Select id="role-team" name="teamId" label="Team" options={teams} />
          <Select
            id="role-role"
            name="role"
            label="Role"
            options={[
              ...teamRoles.options.map(({ value, label }) => ({ id: value, label })),
              { id: "none", label: "No role (remove)" },
            ]}
          />
        </div>
        <button type="submit" disabled={savingRole} className={primaryButtonClass}>Save team role</button>
        <FormResult state={role} withFieldErrors />
      </form>
      <form action={grantAction} className="space-y-3" aria-labelledby="grant-heading">
        <h3 id="grant-heading" className="text-sm font-semibold">Org-wide auditor access</h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <Select id="grant-user" name="userId" label="User" options={users} />
          <div>
            <label htmlFor="grant-expires" className="block text-sm font-medium">Access ends after</label>
            <input id="grant-expires" name="expiresOn" type="date" required max={maxDate} className={fieldClass} />
          </div>
        </div>
        <div>
          <label htmlFor="grant-reason" className="block text-sm font-medium">Reason</label>
          <input id="grant-reason" name="reason" required maxLength={200} placeholder="e.g. SOC 2 audit, FY2027" className={fieldClass} />
        </div>
        <button type="submit" disabled={granting} className={primaryButtonClass}>Grant read access</button>
        <FormResult state={grant} withFieldErrors />
      </form>
    </div>
  );
}
