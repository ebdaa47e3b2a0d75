"use client";

import { createServiceAction, updateServiceAction } from "@/app/services/actions";
import { FormResult } from "@/components/ui/form";
import { SERVICE_LIMITS } from "@/lib/services/schemas";
import { tiers, type Criticality } from "@/lib/vocabulary/levels";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea, TextField } from "@/components/ui/field";
import { useActionThenGo } from "@/components/ui/use-action-then-go";

interface Service {
  id: string;
  teamId: string;
  name: string;
  description: string;
  criticality: string;
  repositoryUrl: string | null;
}

const TIER_HINT: Partial<Record<Criticality, string>> = { critical: "an outage or breach hurts customers at once", low: "internal, no sensitive data" };
const TIERS = tiers.options.map(({ value, label }) => ({ value, label: TIER_HINT[value] ? `${label}: ${TIER_HINT[value]}` : label }));

/** Adds a service, or (given one) edits it or moves it to another team. */
export function ServiceForm({ service, teams }: { service?: Service; teams: { id: string; name: string }[] }) {
  const { state, run, pending } = useActionThenGo(service ? updateServiceAction : createServiceAction, (saved) => (service ? null : `/services/${saved.slug}`));
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof typeof errors & string) => ({ id: `service-${name}`, name, errors: errors[name] });
  return (
    <form action={run} className="grid max-w-3xl gap-4 px-5 py-4 sm:grid-cols-2">
      {service ? <input type="hidden" name="serviceId" value={service.id} /> : null}
      <TextField
        {...field("name")}
        label="Name"
        required
        minLength={SERVICE_LIMITS.name.min}
        maxLength={SERVICE_LIMITS.name.max}
        defaultValue={service?.name}
      />
      <Field id="service-teamId" label="Team" errors={errors.teamId}>
        {(control) => (
          <Select
            {...control}
            name="teamId"
            required
            defaultValue={service?.teamId ?? (teams.length === 1 ? teams[0]!.id : "")}
            placeholder="Choose a team…"
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        )}
      </Field>
      <Field id="service-criticality" label="Tier" errors={errors.criticality}>
        {(control) => <Select {...control} name="criticality" required defaultValue={service?.criticality ?? "medium"} options={TIERS} />}
      </Field>
      <TextField
        {...field("repositoryUrl")}
        label="Repository (optional)"
        type="url"
        maxLength={SERVICE_LIMITS.repositoryUrl}
        placeholder="https://git.example.com/team/service"
        defaultValue={service?.repositoryUrl ?? ""}
      />
      <Field id="service-description" label="Description" errors={errors.description} className="sm:col-span-2">
        {(control) => <Textarea {...control} name="description" rows={2} maxLength={SERVICE_LIMITS.description} defaultValue={service?.description} />}
      </Field>
      <div className="flex items-center gap-4 sm:col-span-2" aria-live="polite">
        <Button type="submit" disabled={pending}>
          {service ? "Save service" : "Add service"}
        </Button>
        <FormResult state={state} />
      </div>
    </form>
  );
}
