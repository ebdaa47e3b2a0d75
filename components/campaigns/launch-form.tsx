"use client";

import { useActionThenGo } from "@/components/ui/use-action-then-go";
import { launchCampaignAction } from "@/app/campaigns/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { Submit } from "@/components/ui/form";
import { tiers } from "@/lib/vocabulary/levels";

export function LaunchCampaignForm({ teams, versions }: { teams: { id: string; name: string }[]; versions: { id: string; version: string }[] }) {
  const { state, run: action, leaving: pending } = useActionThenGo(launchCampaignAction, (launched) => `/campaigns/${launched.id}`);
  return (
    <form action={action} className="grid gap-5 px-5 py-5 sm:grid-cols-2">
      <TextField
        id="campaign-name"
        name="name"
        label="Name"
        required
        minLength={3}
        maxLength={120}
        placeholder="Q1 review of critical services"
        errors={state.fieldErrors?.name}
        className="sm:col-span-2"
      />
      <fieldset>
        <legend className="text-sm font-medium">Teams</legend>
        <p className="text-xs text-muted">None ticked: every team listed.</p>
        <div className="mt-1 space-y-1">
          {teams.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`team_${t.id}`} />
              {t.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Tiers</legend>
        <p className="text-xs text-muted">None ticked: every tier.</p>
        <div className="mt-1 space-y-1">
          {tiers.values.map((t) => (
            <label key={t} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`tier_${t}`} />
              {tiers.label(t)}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        id="campaign-version"
        name="checklistVersionId"
        label="Checklist version to reach"
        value={versions[0]?.id}
        options={versions.map((v, i) => ({ value: v.id, label: `${v.version}${i === 0 ? " (newest)" : ""}` }))}
      />
      <TextField
        id="campaign-deadline"
        name="deadlineOn"
        label="Deadline"
        type="date"
        required
        errors={state.fieldErrors?.deadlineOn ?? state.fieldErrors?.deadline}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Submit state={state} pending={pending} busy="Launching…">
          Launch campaign
        </Submit>
      </div>
    </form>
  );
}
