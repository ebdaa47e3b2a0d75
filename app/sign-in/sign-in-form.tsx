"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { signInWithPassword, type SignInState } from "./actions";
import { Label } from "@/components/ui/field";
import { calloutClass } from "@/components/ui/tone";

const field =
  "mt-1 block w-full rounded-md border border-field bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:bg-slate-950";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, { message: null });
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? (
        <p role="alert" className={calloutClass("danger", "px-3 py-2")}>
          {state.message}
        </p>
      ) : null}
      <div>
        <Label htmlFor="email">Email</Label>
        <input id="email" name="email" type="email" autoComplete="username" required className={field} />
      </div>
      <div>
        <Label htmlFor="password">Password</Label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={field} />
      </div>
      <Button type="submit" disabled={pending} className="w-full shadow-sm">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
