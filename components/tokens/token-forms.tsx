"use client";

import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/tokens/actions";
import { FormResult } from "@/components/ui/form";
import { InlineActionButton } from "@/components/ui/inline-action";
import { NewTokenCallout } from "@/components/ui/new-token";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export function CreateTokenForm({ teams, lifetimes }: { teams: { id: string; name: string }[]; lifetimes: readonly number[] }) {
  const [state, action, pending] = useActionState(createTokenAction, { ok: false, message: null });
  return (
    <div className="space-y-4 px-5 py-5">
      {state.ok && state.data ? (
        <NewTokenCallout id="new-token" name={state.data.name} token={state.data.token}>
          <p className="mt-2 text-xs">
            Send it as <code className="font-mono">Authorization: Bearer …</code>; the routes are described at{" "}
            <a href="/api/v1/openapi.json" className="underline">
              /api/v1/openapi.json
            </a>
            . To submit a scan of a repository, set it as <code className="font-mono">TWELVEFOLD_TOKEN</code> in the pipeline and run, from a Twelvefold
            checkout:
          </p>
          <pre className="mt-1 overflow-x-auto rounded border border-emerald-300 bg-white/60 px-2 py-1 font-mono text-xs dark:border-emerald-800 dark:bg-black/20">
            npx twelvefold scan . --url {typeof window === "undefined" ? "<this address>" : window.location.origin} --service {"<service-slug>"}
          </pre>
        </NewTokenCallout>
      ) : null}
      <form action={action} className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="token-name"
          name="name"
          label="Name"
          required
          minLength={2}
          maxLength={80}
          placeholder="ci-checkout-api"
          errors={state.fieldErrors?.name}
        />
        <SelectField id="token-team" name="teamId" label="Team" required value={teams[0]?.id} options={teams.map((t) => ({ value: t.id, label: t.name }))} />
        <fieldset>
          <legend className="block text-sm font-medium">It may</legend>
          <div className="mt-1 space-y-1 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="submit_evidence" defaultChecked className="mt-1" />
              <span>
                <span className="font-medium">Submit evidence</span>: read the team&apos;s records, add services, submit scanner results (like a reviewer)
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="read" className="mt-1" />
              <span>
                <span className="font-medium">Read</span>: read the team&apos;s records and download exports (like an auditor)
              </span>
            </label>
          </div>
        </fieldset>
        <SelectField
          id="token-expiry"
          name="expiresInDays"
          label="Expires after"
          value="90"
          options={lifetimes.map((days) => ({ value: String(days), label: `${days} days` }))}
        />
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </Button>
          {state.ok ? null : <FormResult state={state} />}
        </div>
      </form>
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  return <InlineActionButton action={revokeTokenAction} field="tokenId" value={tokenId} label="Revoke" busy="Revoking…" accessibleName={`Revoke ${name}`} />;
}
