"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { SIGN_IN_FAILED } from "@/lib/auth/sign-in";
import { safeDestination } from "@/lib/security/destination";

export interface SignInState {
  message: string | null;
}

/** A field of the form, or null when what arrived is not a form at all. */
function field(form: unknown, name: string): FormDataEntryValue | null {
  return form instanceof FormData ? form.get(name) : null;
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: field(form, "email"),
      password: field(form, "password"),
      redirectTo: safeDestination(field(form, "callbackUrl")),
    });
  } catch (error) {
    // Every failure reads the same, so nobody learns whether an account exists.
    if (error instanceof AuthError) return { message: SIGN_IN_FAILED };
    throw error; // the redirect after a successful sign-in
  }
  return { message: null };
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeDestination(field(form, "callbackUrl")) });
}

export async function signOutEverywhere(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
