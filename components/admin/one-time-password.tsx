export function OneTimePassword({ password, label }: { password: string; label: string }) {
  return (
    <div
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <p>{label}</p>
      <p className="mt-1">One-time password, shown only now. Pass it on over a secure channel:</p>
      <code className="mt-1 block font-mono text-base select-all">{password}</code>
    </div>
  );
}
