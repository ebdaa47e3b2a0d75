import type { ComponentProps } from "react";
import type { ActionState } from "@/lib/actions/action";
import { Button } from "./button";

/**
 * The outcome of a server action: a status on success, an alert on failure.
 * `withFieldErrors` appends per-field messages, for forms that do not show them by their fields.
 */
export function FormResult({ state, withFieldErrors = false }: { state: ActionState; withFieldErrors?: boolean }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-success" : "text-danger"}`}>
      {state.message}
      {withFieldErrors && state.fieldErrors ? ` ${Object.values(state.fieldErrors).flat().filter(Boolean).join(" ")}` : ""}
    </p>
  );
}

/** Only a failure, for forms whose success shows itself (a new page, a changed record). */
export function FormError({ state, className = "text-sm", inline = false }: { state: ActionState; className?: string; inline?: boolean }) {
  if (state.ok || !state.message) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag role="alert" className={`text-danger ${className}`}>
      {state.message}
    </Tag>
  );
}

/**
 * A form's submit button, disabled while the action runs (showing `busy` then, if
 * given), and the action's outcome announced below it as it arrives.
 */
export function Submit({
  state,
  pending,
  busy,
  resultClassName,
  children,
  ...button
}: Omit<ComponentProps<typeof Button>, "type" | "disabled"> & { state: ActionState; pending: boolean; busy?: string; resultClassName?: string }) {
  return (
    <>
      <Button type="submit" disabled={pending} {...button}>
        {pending && busy ? busy : children}
      </Button>
      <div className={resultClassName} aria-live="polite">
        <FormResult state={state} withFieldErrors />
      </div>
    </>
  );
}
