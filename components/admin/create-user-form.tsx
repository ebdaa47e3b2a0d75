"use client";

import { useActionState } from "react";
import { createUserAction } from "@/app/admin/users/actions";
import { fieldClass } from "@/components/ui/form";
import { OneTimePassword } from "./one-time-password";


export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, { ok: false, message: null });
  return (
    <form action={action} className="grid gap-4 px-5 py-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end">
      <div>
        <label htmlFor="new-user-name" className="block text-sm font-medium">Name</label>
        <input id="new-user-name" name="name" required maxLength={120} className={fieldClass} aria-describedby="new-user-name-error" />
        <p id="new-user-name-error" className="mt-1 text-xs text-rose-700 dark:text-rose-300">{state.fieldErrors?.name?.[0]}</p>
      </div>
      <div>
        <label htmlFor="new-user-email" className="block text-sm font-medium">Email</label>
        <input id="new-user-email" name="email" type="email" required className={fieldClass} aria-describedby="new-user-email-error" />
        <p id="new-user-email-error" className="mt-1 text-xs text-rose-700 dark:text-rose-300">{state.fieldErrors?.email?.[0]}</p>
      </div>
      <label className="flex items-center gap-2 pb-6 text-sm">
        <input type="checkbox" name="isAdmin" className="h-4 w-4" /> Administrator
      </label>
      <div className="pb-5">
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60">
          Create user
        </button>
      </div>
      <div className="sm:col-span-4" aria-live="polite">
        {state.ok && state.data ? (
          <OneTimePassword password={state.data.temporaryPassword} label={state.message ?? ""} />
        ) : state.message ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{state.message}</p>
        ) : null}
      </div>
    </form>
  );
}
