"use client";

import { useActionState } from "react";
import { savePreferencesAction } from "@/app/notifications/actions";
import { Submit } from "@/components/ui/form";

const MODES = [
  { value: "immediate", label: "At once" },
  { value: "digest", label: "Daily digest" },
  { value: "off", label: "No email" },
] as const;

export function PreferencesForm({ kinds }: { kinds: { kind: string; label: string; group: string; mode: string }[] }) {
  const [state, action, pending] = useActionState(savePreferencesAction, { ok: false, message: null });
  const groups = [...new Set(kinds.map((k) => k.group))];
  return (
    <form action={action} className="space-y-6 px-5 py-5">
      {groups.map((group) => (
        <fieldset key={group} className="space-y-3">
          <legend className="text-sm font-semibold">{group}</legend>
          {kinds
            .filter((k) => k.group === group)
            .map((k) => (
              <div key={k.kind} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
                <label htmlFor={`pref-${k.kind}`} className="text-sm">
                  {k.label}
                </label>
                <select
                  id={`pref-${k.kind}`}
                  name={k.kind}
                  defaultValue={k.mode}
                  className="w-full rounded-md border border-field bg-surface px-2 py-1.5 text-sm sm:w-44"
                >
                  {MODES.map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Submit state={state} pending={pending} busy="Saving…">
          Save email settings
        </Submit>
      </div>
    </form>
  );
}
