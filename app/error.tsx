"use client";

// Unexpected failures land here with a generic message; the cause is logged on
// the server, never shown (no stack traces for users).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-rose-200 bg-white p-8 text-center dark:border-rose-900 dark:bg-slate-900">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The page could not be loaded. Try again; if it keeps failing, give your administrator this reference:
        <span className="ml-1 font-mono">{error.digest ?? "none"}</span>
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Try again
      </button>
    </div>
  );
}
