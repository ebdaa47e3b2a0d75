"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createServiceAction, updateServiceAction } from "@/app/services/actions";
import { FormResult } from "@/components/ui/form";
import { SERVICE_LIMITS } from "@/lib/services/schemas";
import { tiers, type Criticality } from "@/lib/vocabulary/levels";
import { Button } from "@/components/ui/button";
import { FieldError, Label, controlClass } from "@/components/ui/field";

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
  const [state, action, pending] = useActionState(service ? updateServiceAction : createServiceAction, { ok: false, message: null });
  const router = useRouter();
  useEffect(() => {
    if (state.ok && state.data && !service) router.push(`/services/${state.data.slug}`);
  }, [state, service, router]);
  const errors = state.fieldErrors ?? {};
  const field = (name: string) => ({ id: `service-${name}`, name, className: controlClass, "aria-describedby": `service-${name}-error` });
  return (
    <form action={action} className="grid max-w-3xl gap-4 px-5 py-4 sm:grid-cols-2">
      {service ? <input type="hidden" name="serviceId" value={service.id} /> : null}
      <div>
        <Label htmlFor="service-name">Name</Label>
        <input {...field("name")} required minLength={SERVICE_LIMITS.name.min} maxLength={SERVICE_LIMITS.name.max} defaultValue={service?.name} />
        <FieldError id="service-name-error" messages={errors.name} />
      </div>
      <div>
        <Label htmlFor="service-teamId">Team</Label>
        <select {...field("teamId")} required defaultValue={service?.teamId ?? (teams.length === 1 ? teams[0]!.id : "")}>
          <option value="" disabled>
            Choose a team…
          </option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <FieldError id="service-teamId-error" messages={errors.teamId} />
      </div>
      <div>
        <Label htmlFor="service-criticality">Tier</Label>
        <select {...field("criticality")} required defaultValue={service?.criticality ?? "medium"}>
          {TIERS.map((tier) => (
            <option key={tier.value} value={tier.value}>
              {tier.label}
            </option>
          ))}
        </select>
        <FieldError id="service-criticality-error" messages={errors.criticality} />
      </div>
      <div>
        <Label htmlFor="service-repositoryUrl">Repository (optional)</Label>
        <input
          {...field("repositoryUrl")}
          type="url"
          maxLength={SERVICE_LIMITS.repositoryUrl}
          placeholder="https://git.example.com/team/service"
          defaultValue={service?.repositoryUrl ?? ""}
        />
        <FieldError id="service-repositoryUrl-error" messages={errors.repositoryUrl} />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="service-description">Description</Label>
        <textarea {...field("description")} rows={2} maxLength={SERVICE_LIMITS.description} defaultValue={service?.description} />
        <FieldError id="service-description-error" messages={errors.description} />
      </div>
      <div className="flex items-center gap-4 sm:col-span-2" aria-live="polite">
        <Button type="submit" disabled={pending}>
          {service ? "Save service" : "Add service"}
        </Button>
        <FormResult state={state} />
      </div>
    </form>
  );
}
