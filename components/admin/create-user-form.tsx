"use client";

import { useActionState } from "react";
import { createUserAction } from "@/app/admin/users/actions";
import { OneTimePassword } from "./one-time-password";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, { ok: false, message: null });
  return (
    <form action={action} className="grid gap-4 px-5 py-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end">
      <div>
        <Label htmlFor="new-user-name">Name</Label>
        <Input id="new-user-name" name="name" required maxLength={120} aria-describedby="new-user-name-error" />
        <p id="new-user-name-error" className="mt-1 text-xs text-danger">
          {state.fieldErrors?.name?.[0]}
        </p>
      </div>
      <div>
        <Label htmlFor="new-user-email">Email</Label>
        <Input id="new-user-email" name="email" type="email" required aria-describedby="new-user-email-error" />
        <p id="new-user-email-error" className="mt-1 text-xs text-danger">
          {state.fieldErrors?.email?.[0]}
        </p>
      </div>
      <label className="flex items-center gap-2 pb-6 text-sm">
        <input type="checkbox" name="isAdmin" className="h-4 w-4" /> Administrator
      </label>
      <div className="pb-5">
        <Button type="submit" disabled={pending}>
          Create user
        </Button>
      </div>
      <div className="sm:col-span-4" aria-live="polite">
        {state.ok && state.data ? (
          <OneTimePassword password={state.data.temporaryPassword} label={state.message ?? ""} />
        ) : state.message ? (
          <p role="alert" className="text-sm text-danger">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
