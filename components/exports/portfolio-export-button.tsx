"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { requestPortfolioExportAction } from "@/app/exports/actions";
import { secondaryButtonClass } from "@/components/ui/form";

/** Asks for the portfolio report (of one team, or every team the user may export) and follows its progress. */
export function PortfolioExportButton({ teamSlug, teamName }: { teamSlug?: string; teamName?: string }) {
  const [state, action, pending] = useActionState(requestPortfolioExportAction, { ok: false, message: null });
  const router = useRouter();
  useEffect(() => {
    if (state.ok && state.data) router.push(`/exports/${state.data.exportId}`);
  }, [state, router]);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      {teamSlug ? <input type="hidden" name="team" value={teamSlug} /> : null}
      <button type="submit" disabled={pending || state.ok} className={secondaryButtonClass}>
        {pending || state.ok ? "Queuing the report…" : `Export portfolio PDF${teamName ? ` (${teamName})` : ""}`}
      </button>
      {state.message && !state.ok ? (
        <p role="alert" className="max-w-xs text-right text-sm text-rose-700 dark:text-rose-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
