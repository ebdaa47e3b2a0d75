import type { ActionState } from "@/lib/actions/action";

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
