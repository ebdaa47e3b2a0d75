"use client";

import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/tokens/actions";
import { FieldError, FormResult, fieldClass, labelClass, primaryButtonClass } from "@/components/ui/form";

export function CreateTokenForm({ teams, lifetimes }: { teams: { id: string; name: string }[]; lifetimes: readonly number[] }) {
  const [state, action, pending] = useActionState(createTokenAction, { ok: false, message: null });
  return (
    <div className="space-y-4 px-5 py-5">
      {state.ok && state.data ? (
        <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
          <p className="font-semibold">Token &ldquo;{state.data.name}&rdquo; created. Copy it now: it is shown only once and stored only as a hash.</p>
          <label htmlFor="new-token" className="mt-2 block text-xs font-medium">
            The token
          </label>
          <input id="new-token" readOnly value={state.data.token} className={`${fieldClass} font-mono`} onFocus={(event) => event.currentTarget.select()} />
          <p className="mt-2 text-xs">
            Send it as <code className="font-mono">Authorization: Bearer …</code>; the routes are described at{" "}
            <a href="/api/v1/openapi.json" className="underline">/api/v1/openapi.json</a>. To submit a scan of a repository, set it as{" "}
            <code className="font-mono">TWELVEFOLD_TOKEN</code> in the pipeline and run, from a Twelvefold checkout:
          </p>
          <pre className="mt-1 overflow-x-auto rounded border border-emerald-300 bg-white/60 px-2 py-1 font-mono text-xs dark:border-emerald-800 dark:bg-black/20">
            npx twelvefold scan . --url {typeof window === "undefined" ? "<this address>" : window.location.origin} --service {"<service-slug>"}
          </pre>
        </div>
      ) : null}
      <form action={action} className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="token-name" className={labelClass}>Name</label>
          <input id="token-name" name="name" required minLength={2} maxLength={80} placeholder="ci-checkout-api" className={fieldClass} aria-describedby="token-name-error" />
          <FieldError id="token-name-error" messages={state.fieldErrors?.name} />
        </div>
        <div>
          <label htmlFor="token-team" className={labelClass}>Team</label>
          <select id="token-team" name="teamId" required className={fieldClass} defaultValue={teams[0]?.id}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className={labelClass}>It may</legend>
          <div className="mt-1 space-y-1 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="submit_evidence" defaultChecked className="mt-1" />
              <span><span className="font-medium">Submit evidence</span>: read the team&apos;s records, add services, submit scanner results (like a reviewer)</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="read" className="mt-1" />
              <span><span className="font-medium">Read</span>: read the team&apos;s records and download exports (like an auditor)</span>
            </label>
          </div>
        </fieldset>
        <div>
          <label htmlFor="token-expiry" className={labelClass}>Expires after</label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90" className={fieldClass}>
            {lifetimes.map((days) => (
              <option key={days} value={days}>{days} days</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={pending} className={primaryButtonClass}>{pending ? "Creating…" : "Create token"}</button>
          {state.ok ? null : <FormResult state={state} />}
        </div>
      </form>
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, { ok: false, message: null });
  return (
    <form action={action} className="inline">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending} aria-label={`Revoke ${name}`} className="text-sm font-medium text-rose-700 hover:underline disabled:opacity-60 dark:text-rose-300">
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.message && !state.ok ? <span role="alert" className="ml-2 text-xs text-rose-700 dark:text-rose-300">{state.message}</span> : null}
    </form>
  );
}
