"use client";

import { Input } from "./field";
import { calloutClass } from "./tone";

/** A token just made, shown once to copy, with how to use it. */
export function NewTokenCallout({ id, name, token, children }: { id: string; name: string; token: string; children: React.ReactNode }) {
  return (
    <div role="status" className={calloutClass("success", "px-3 py-3")}>
      <p className="font-semibold">Token &ldquo;{name}&rdquo; created. Copy it now: it is shown only once and stored only as a hash.</p>
      <label htmlFor={id} className="mt-2 block text-xs font-medium">
        The token
      </label>
      <Input id={id} readOnly value={token} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
      {children}
    </div>
  );
}
