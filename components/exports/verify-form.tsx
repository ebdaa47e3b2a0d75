"use client";

import { useActionState } from "react";
import { verifyExportAction } from "@/app/verify/actions";
import { formatDateTime } from "@/components/ui/format";
import { Submit } from "@/components/ui/form";
import { Input, Label } from "@/components/ui/field";
import { calloutClass } from "@/components/ui/tone";

export function VerifyForm() {
  const [state, action, pending] = useActionState(verifyExportAction, { ok: false, message: null });
  const result = state.ok ? state.data : undefined;
  return (
    <div className="space-y-6">
      <form action={action} className="grid gap-4 px-5 py-4 sm:grid-cols-[1fr_auto_1fr] sm:items-end">
        <div>
          <Label htmlFor="verify-file">The exported file</Label>
          <input
            id="verify-file"
            name="file"
            type="file"
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
          />
        </div>
        <p className="pb-2 text-center text-sm text-muted">or</p>
        <div>
          <Label htmlFor="verify-sha256">Its SHA-256</Label>
          <Input
            id="verify-sha256"
            name="sha256"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="64 hexadecimal characters"
            className="font-mono"
          />
        </div>
        <div className="sm:col-span-3">
          <Submit state={state} pending={pending} busy="Checking…" resultClassName="mt-2">
            Verify
          </Submit>
        </div>
      </form>
      <div aria-live="polite">
        {result?.status === "verified" ? (
          <div role="status" className={calloutClass("success", "mx-5 mb-5 px-5 py-4")}>
            <p className="text-base font-semibold">Verified: an unaltered Twelvefold export.</p>
            <dl className="mt-2 grid gap-1 sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">What</dt>
              <dd>
                {result.kind}
                {result.subject ? ` · ${result.subject}` : ""}
                {result.fileName ? ` · ${result.fileName}` : ""}
              </dd>
              <dt className="font-medium">Exported by</dt>
              <dd>{result.exportedBy ?? "a former user"}</dd>
              <dt className="font-medium">Exported at</dt>
              <dd>{formatDateTime(result.exportedAt)} UTC</dd>
              <dt className="font-medium">Export id</dt>
              <dd className="font-mono text-xs">{result.exportId}</dd>
              <dt className="font-medium">SHA-256</dt>
              <dd className="break-all font-mono text-xs">{result.sha256}</dd>
            </dl>
          </div>
        ) : result?.status === "unknown" ? (
          <div role="status" className={calloutClass("danger", "mx-5 mb-5 px-5 py-4")}>
            <p className="text-base font-semibold">Unknown: not an unaltered Twelvefold export you can see.</p>
            <p className="mt-1">
              Either the file was changed after export (one changed byte is enough), or it was never exported from here, or it belongs to records outside your
              access.
            </p>
            <p className="mt-1 break-all font-mono text-xs">SHA-256 {result.sha256}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
