"use client";

import { requestPortfolioExportAction } from "@/app/exports/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form";
import { useActionThenGo } from "@/components/ui/use-action-then-go";

/** Asks for the portfolio report (of one team, or every team the user may export) and follows its progress. */
export function PortfolioExportButton({ teamSlug, teamName, asOf }: { teamSlug?: string; teamName?: string; asOf?: string }) {
  const { state, run, leaving } = useActionThenGo(requestPortfolioExportAction, (queued) => `/exports/${queued.exportId}`);
  return (
    <form action={run} className="flex flex-col items-end gap-1">
      {teamSlug ? <input type="hidden" name="team" value={teamSlug} /> : null}
      {asOf ? <input type="hidden" name="asOf" value={asOf} /> : null}
      <Button type="submit" disabled={leaving} variant="secondary">
        {leaving ? "Queuing the report…" : `Export portfolio PDF${teamName ? ` (${teamName})` : ""}${asOf ? ` as of ${asOf}` : ""}`}
      </Button>
      <FormError state={state} className="max-w-xs text-right text-sm" />
    </form>
  );
}
