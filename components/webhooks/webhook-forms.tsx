"use client";

import { useActionState } from "react";
import { createWebhookAction, enableWebhookAction, removeWebhookAction } from "@/app/webhooks/actions";
import { Input, SelectField, TextField } from "@/components/ui/field";
import { Submit } from "@/components/ui/form";
import { InlineActionButton } from "@/components/ui/inline-action";
import { calloutClass } from "@/components/ui/tone";

export function CreateWebhookForm({ teams, kinds }: { teams: { id: string; name: string }[]; kinds: { kind: string; label: string; group: string }[] }) {
  const [state, action, pending] = useActionState(createWebhookAction, { ok: false, message: null });
  const created = state.ok ? (state.data as { name: string; token: string } | undefined) : undefined;
  return (
    <div className="space-y-4 px-5 py-5">
      {created ? (
        <div role="status" className={calloutClass("success", "px-3 py-3")}>
          <p className="font-semibold">Webhook &ldquo;{created.name}&rdquo; registered. Copy its signing secret now: it is shown only once, and kept sealed.</p>
          <label htmlFor="webhook-secret" className="mt-2 block text-xs font-medium">
            Signing secret (Standard Webhooks)
          </label>
          <Input id="webhook-secret" readOnly value={created.token} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
          <p className="mt-2 text-xs">
            Verify each delivery&apos;s <code className="font-mono">webhook-signature</code> with it (any Standard Webhooks library), and drop a{" "}
            <code className="font-mono">webhook-id</code> you have seen before: a retry after a crash repeats it.
          </p>
        </div>
      ) : null}
      <form action={action} className="grid gap-4 sm:grid-cols-2">
        <SelectField id="webhook-team" name="teamId" label="Team" required value={teams[0]?.id} options={teams.map((t) => ({ value: t.id, label: t.name }))} />
        <TextField
          id="webhook-name"
          name="name"
          label="Name"
          required
          minLength={2}
          maxLength={80}
          placeholder="#payments-security"
          errors={state.fieldErrors?.name}
        />
        <TextField
          id="webhook-url"
          name="url"
          label="Endpoint (https://)"
          type="url"
          required
          maxLength={2000}
          placeholder="https://hooks.slack.com/services/…"
          className="sm:col-span-2"
          errors={state.fieldErrors?.url}
        />
        <SelectField
          id="webhook-format"
          name="format"
          label="Body"
          value="standard"
          options={[
            { value: "standard", label: "Standard Webhooks JSON event" },
            { value: "slack", label: "Slack message (incoming webhook)" },
            { value: "teams", label: "Microsoft Teams card (workflow)" },
          ]}
        />
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">Events</legend>
          {state.fieldErrors?.kinds ? <p className="text-sm text-danger">{state.fieldErrors.kinds[0]}</p> : null}
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {kinds.map((k) => (
              <label key={k.kind} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`kind_${k.kind}`}
                  defaultChecked={["assessment.submitted", "assessment.approved", "finding.overdue"].includes(k.kind)}
                  className="mt-1"
                />
                <span>{k.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Submit state={state.ok ? { ok: false, message: null } : state} pending={pending} busy="Registering…">
            Register webhook
          </Submit>
        </div>
      </form>
    </div>
  );
}

export function RemoveWebhookButton({ id, name }: { id: string; name: string }) {
  return (
    <InlineActionButton action={removeWebhookAction} field="webhookId" value={id} label="Remove" busy="Removing…" accessibleName={`Remove webhook ${name}`} />
  );
}

export function EnableWebhookButton({ id, name }: { id: string; name: string }) {
  return (
    <InlineActionButton
      action={enableWebhookAction}
      field="webhookId"
      value={id}
      label="Enable again"
      busy="Enabling…"
      accessibleName={`Enable webhook ${name} again`}
    />
  );
}
