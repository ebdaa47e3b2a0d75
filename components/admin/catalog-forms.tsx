"use client";

import { useActionState } from "react";
import { createIntegrationTokenAction, mapOwnerAction, revokeIntegrationTokenAction, unmapOwnerAction } from "@/app/admin/catalog/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form";
import { InlineActionButton } from "@/components/ui/inline-action";
import { NewTokenCallout } from "@/components/ui/new-token";

/** Says which team answers for a catalogue owner. */
export function MapOwnerForm({ teams }: { teams: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(mapOwnerAction, { ok: false, message: null });
  return (
    <form action={action} className="grid gap-4 px-5 py-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-start">
      <TextField
        id="owner-ref"
        name="ownerRef"
        label="Catalogue owner"
        required
        maxLength={200}
        placeholder="group:default/payments-engineering"
        errors={state.fieldErrors?.ownerRef}
      />
      <SelectField
        id="owner-team"
        name="teamId"
        label="Answers as team"
        required
        placeholder="Choose"
        options={teams.map((t) => ({ value: t.id, label: t.name }))}
      />
      <div className="sm:pt-6">
        <Button type="submit" disabled={pending}>
          Map owner
        </Button>
      </div>
      <div className="sm:col-span-3" aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}

export function UnmapOwnerButton({ ownerRef }: { ownerRef: string }) {
  return <InlineActionButton action={unmapOwnerAction} field="ownerRef" value={ownerRef} label="Remove" accessibleName={`Remove the mapping of ${ownerRef}`} />;
}

/** Makes an organisation-wide token for one integration, shown once. */
export function CreateIntegrationTokenForm({ purpose, lifetimes, usage }: { purpose: "catalog" | "scim"; lifetimes: readonly number[]; usage: string }) {
  const [state, action, pending] = useActionState(createIntegrationTokenAction, { ok: false, message: null });
  const id = `integration-${purpose}`;
  return (
    <div className="space-y-4 px-5 py-4">
      {state.ok && state.data ? (
        <NewTokenCallout id={`${id}-value`} name={state.data.name} token={state.data.token}>
          {/* Shown only after the action answered, in the browser: the address is this page's own. */}
          <p className="mt-2 text-xs">{usage.replace("<this address>", window.location.origin)}</p>
        </NewTokenCallout>
      ) : null}
      <form
        action={action}
        aria-label={`New ${purpose === "catalog" ? "catalogue sync" : "SCIM"} token`}
        className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-start"
      >
        <input type="hidden" name="purpose" value={purpose} />
        <TextField
          id={`${id}-name`}
          name="name"
          label="Token name"
          required
          minLength={2}
          maxLength={80}
          placeholder={purpose === "catalog" ? "backstage-sync" : "okta-scim"}
          errors={state.fieldErrors?.name}
        />
        <SelectField
          id={`${id}-expiry`}
          name="expiresInDays"
          label="Expires after"
          value="90"
          options={lifetimes.map((days) => ({ value: String(days), label: `${days} days` }))}
        />
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </Button>
        </div>
        {state.ok ? null : (
          <div className="sm:col-span-3" aria-live="polite">
            <FormResult state={state} />
          </div>
        )}
      </form>
    </div>
  );
}

export function RevokeIntegrationTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  return (
    <InlineActionButton
      action={revokeIntegrationTokenAction}
      field="tokenId"
      value={tokenId}
      label="Revoke"
      busy="Revoking…"
      accessibleName={`Revoke ${name}`}
    />
  );
}
