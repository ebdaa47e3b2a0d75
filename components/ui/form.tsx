import type { ActionState } from "@/lib/actions/action";

// One look for every form control and button in the app.
export const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950";
export const labelClass = "block text-sm font-medium";
export const primaryButtonClass =
  "rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60";
/** Buttons and download links beside a page's title: quieter than the primary action. */
export const secondaryButtonClass =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

/**
 * The outcome of a server action: a status on success, an alert on failure.
 * `withFieldErrors` appends per-field messages, for forms that do not show them by their fields.
 */
export function FormResult({ state, withFieldErrors = false }: { state: ActionState; withFieldErrors?: boolean }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`text-sm ${state.ok ? "text-emerald-800 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}
    >
      {state.message}
      {withFieldErrors && state.fieldErrors ? ` ${Object.values(state.fieldErrors).flat().filter(Boolean).join(" ")}` : ""}
    </p>
  );
}

/** A field's own error, tied to its input through aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <p id={id} className="mt-1 text-xs text-rose-700 dark:text-rose-300">
      {messages?.[0]}
    </p>
  );
}

/** A labelled select for filter forms: options as [value, text], "" for "all". */
export function SelectField({ id, name, label, value, options, hint }: { id: string; name: string; label: string; value: string | undefined; options: readonly (readonly [string, string])[]; hint?: string }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={fieldClass} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
    </div>
  );
}
