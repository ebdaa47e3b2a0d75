"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action";
import { Button } from "./button";
import { FormError } from "./form";

type ServerAction = (previous: ActionState, input: FormData) => Promise<ActionState>;

/** One button that runs an action on one record (revoke, remove), its refusal shown beside it. */
export function InlineActionButton({
  action: run,
  field,
  value,
  label,
  busy,
  accessibleName,
}: {
  action: ServerAction;
  field: string;
  value: string;
  label: string;
  busy?: string;
  accessibleName: string;
}) {
  const [state, action, pending] = useActionState(run, { ok: false, message: null });
  return (
    <form action={action} className="inline">
      <input type="hidden" name={field} value={value} />
      <Button type="submit" variant="dangerText" disabled={pending} aria-label={accessibleName}>
        {pending && busy ? busy : label}
      </Button>
      <FormError state={state} className="ml-2 text-xs" inline />
    </form>
  );
}
