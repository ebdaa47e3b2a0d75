"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { requestPortfolioExportAction } from "@/app/exports/actions";
import { Button } from "@/components/ui/button";

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
      <Button type="submit" disabled={pending || state.ok} variant="secondary">
        {pending || state.ok ? "Queuing the report…" : `Export portfolio PDF${teamName ? ` (${teamName})` : ""}`}
      </Button>
      {state.message && !state.ok ? (
        <p role="alert" className="max-w-xs text-right text-sm text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
