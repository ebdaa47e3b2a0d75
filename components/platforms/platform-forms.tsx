"use client";

import { useActionState } from "react";
import { setInheritanceModesAction, setPlatformAction, stopUsingPlatformAction, usePlatformAction } from "@/app/services/actions";
import { Input, Label, Select } from "@/components/ui/field";
import { FormError, Submit } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { INHERITANCE_LABELS, INHERITANCE_MODES, type InheritanceMode } from "@/lib/platforms/inherit";

const none = { ok: false, message: null };
const modeOptions = INHERITANCE_MODES.map((m) => ({ value: m, label: INHERITANCE_LABELS[m] }));

/** For each item the platform covers: inherit its answer, share it, or answer for the service itself. */
export function InheritanceForm(props: {
  serviceId: string;
  platformId: string;
  items: { id: string; title: string; statusLabel: string; mode: InheritanceMode }[];
}) {
  const [state, run, pending] = useActionState(setInheritanceModesAction, none);
  return (
    <form action={run}>
      <input type="hidden" name="serviceId" value={props.serviceId} />
      <input type="hidden" name="platformId" value={props.platformId} />
      <ul className="divide-y divide-line-soft">
        {props.items.map((i) => (
          <li key={i.id} className="grid gap-2 px-4 py-2 sm:grid-cols-[minmax(0,1fr)_16rem] sm:items-center">
            <label htmlFor={`mode-${props.platformId}-${i.id}`}>
              <span className="font-mono text-xs">{i.id}</span> {i.title} <span className="text-muted">({i.statusLabel} on the platform)</span>
            </label>
            <Select id={`mode-${props.platformId}-${i.id}`} name={`mode-${i.id}`} defaultValue={i.mode} options={modeOptions} />
          </li>
        ))}
      </ul>
      <div className="px-4 py-3">
        <Submit state={state} pending={pending} size="sm" variant="secondary">
          Save how it takes them
        </Submit>
      </div>
    </form>
  );
}

export function StopUsingButton({ serviceId, platformId, name }: { serviceId: string; platformId: string; name: string }) {
  const [state, run, pending] = useActionState(stopUsingPlatformAction, none);
  return (
    <form action={run} className="flex items-center gap-2">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="platformId" value={platformId} />
      <Button type="submit" variant="dangerText" disabled={pending} aria-label={`Stop running on ${name}`}>
        Stop running on it
      </Button>
      <FormError state={state} className="text-xs" inline />
    </form>
  );
}

export function UsePlatformForm({ serviceId, choices }: { serviceId: string; choices: { id: string; name: string; team: string; kind: string }[] }) {
  const [state, run, pending] = useActionState(usePlatformAction, none);
  return (
    <form action={run} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="serviceId" value={serviceId} />
      <div className="min-w-0 flex-1">
        <Label htmlFor={`use-platform-${serviceId}`}>Runs on a platform</Label>
        <Select
          id={`use-platform-${serviceId}`}
          name="platformId"
          defaultValue=""
          placeholder="Choose a platform"
          required
          options={choices.map((c) => ({ value: c.id, label: `${c.name} (${c.kind}, ${c.team})` }))}
          className="mt-1 w-full"
        />
      </div>
      <div>
        <Submit state={state} pending={pending} size="sm" variant="secondary" resultClassName="basis-full">
          Add
        </Submit>
      </div>
    </form>
  );
}

/** Makes the service a platform (what it is, and the items it answers for those on it), or stops it being one. */
export function PlatformSettingsForm(props: {
  serviceId: string;
  kind: string;
  covered: string[];
  factors: { number: number; name: string; items: { id: string; title: string }[] }[];
}) {
  const [state, run, pending] = useActionState(setPlatformAction, none);
  return (
    <details className="rounded-lg border border-line">
      <summary className="cursor-pointer px-4 py-3 font-medium">{props.kind ? "Change what this platform covers" : "Make this service a platform"}</summary>
      <form action={run} className="space-y-3 px-4 pb-4">
        <input type="hidden" name="serviceId" value={props.serviceId} />
        <div>
          <Label htmlFor={`platform-kind-${props.serviceId}`}>What it is (empty: not a platform)</Label>
          <Input
            id={`platform-kind-${props.serviceId}`}
            name="kind"
            defaultValue={props.kind}
            maxLength={80}
            placeholder="Kubernetes cluster"
            className="mt-1 w-full max-w-sm"
          />
        </div>
        <fieldset>
          <legend className="font-medium">The items it answers for the services on it</legend>
          <div className="mt-2 grid gap-3 md:grid-cols-2">
            {props.factors.map((f) => (
              <div key={f.number}>
                <p className="text-xs font-semibold text-muted">
                  {f.number}. {f.name}
                </p>
                {f.items.map((i) => (
                  <label key={i.id} className="flex min-h-6 items-start gap-2">
                    <input type="checkbox" name={`item-${i.id}`} defaultChecked={props.covered.includes(i.id)} className="mt-1 h-4 w-4" />
                    <span>{i.title}</span>
                  </label>
                ))}
              </div>
            ))}
          </div>
        </fieldset>
        <Submit state={state} pending={pending} size="sm" variant="secondary">
          Save
        </Submit>
      </form>
    </details>
  );
}
