"use client";

import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/app/account/actions";
import { FormResult } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/field";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password", hint: null },
  {
    name: "newPassword",
    label: "New password",
    autoComplete: "new-password",
    hint: "12 to 128 characters. A long phrase is easier to remember and harder to guess.",
  },
  { name: "confirmPassword", label: "Repeat the new password", autoComplete: "new-password", hint: null },
] as const;

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, { ok: false, message: null });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="max-w-md space-y-4 px-5 py-4">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <Label htmlFor={`account-${field.name}`}>{field.label}</Label>
          <Input
            id={`account-${field.name}`}
            name={field.name}
            type="password"
            required
            minLength={field.name === "currentPassword" ? 1 : 12}
            maxLength={128}
            autoComplete={field.autoComplete}
            aria-describedby={`account-${field.name}-hint account-${field.name}-error`}
          />
          {field.hint ? (
            <p id={`account-${field.name}-hint`} className="mt-1 text-xs text-muted">
              {field.hint}
            </p>
          ) : null}
          <FieldError id={`account-${field.name}-error`} messages={state.fieldErrors?.[field.name]} />
        </div>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
      <div aria-live="polite">
        <FormResult state={state} />
      </div>
    </form>
  );
}
