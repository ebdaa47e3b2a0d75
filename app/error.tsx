"use client";

import { Button } from "@/components/ui/button";
// Unexpected failures land here with a generic message; the cause is logged on
// the server, never shown (no stack traces for users).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-rose-200 bg-surface p-8 text-center dark:border-rose-900">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-muted">
        The page could not be loaded. Try again; if it keeps failing, give your administrator this reference:
        <span className="ml-1 font-mono">{error.digest ?? "none"}</span>
      </p>
      <Button onClick={reset} className="mt-6">
        Try again
      </Button>
    </div>
  );
}
