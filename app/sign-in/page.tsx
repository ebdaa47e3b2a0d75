import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { redirect } from "next/navigation";
import { getPrincipal } from "@/lib/auth/current";
import { oidcSettings } from "@/lib/env";
import { signInWithSso } from "./actions";
import { SignInForm } from "./sign-in-form";
import { calloutClass } from "@/components/ui/tone";

export const metadata: Metadata = { title: "Sign in" };

type Search = { callbackUrl?: string | string[]; error?: string | string[] };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (await getPrincipal()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const destination = typeof callbackUrl === "string" ? callbackUrl : "/";
  const sso = oidcSettings() !== null;
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-xl border border-line bg-surface p-8 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">Sign in to Twelvefold</h1>
        <p className="mt-1 mb-6 text-sm text-muted">Your security posture, service by service.</p>
        {error ? (
          <p role="alert" className={calloutClass("danger", "mb-5 px-3 py-2")}>
            Sign-in did not complete. Try again, or ask an administrator for access.
          </p>
        ) : null}
        {sso ? (
          <>
            <form action={signInWithSso}>
              <input type="hidden" name="callbackUrl" value={destination} />
              <Button type="submit" variant="secondary" className="w-full">
                Sign in with SSO
              </Button>
            </form>
            <p className="my-5 text-center text-xs text-muted">or with your Twelvefold password</p>
          </>
        ) : null}
        <SignInForm callbackUrl={destination} />
      </div>
    </div>
  );
}
