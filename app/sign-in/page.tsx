import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPrincipal } from "@/lib/auth/current";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await getPrincipal()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold tracking-tight">Sign in to Twelvefold</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">Your security posture, service by service.</p>
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/"} />
      </div>
    </div>
  );
}
