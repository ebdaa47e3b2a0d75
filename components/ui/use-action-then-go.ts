"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/actions/action";

/**
 * useActionState for an action whose success leads to another page: once it
 * succeeds, the browser goes to `destination(data)` (or stays, given null).
 * `leaving` is true from the submit until the next page replaces this one.
 */
export function useActionThenGo<Data>(
  action: (previous: ActionState<Data>, form: FormData) => Promise<ActionState<Data>>,
  destination: (data: Data) => string | null,
) {
  const [state, run, pending] = useActionState(action, { ok: false, message: null });
  const router = useRouter();
  const href = state.ok && state.data ? destination(state.data) : null;
  useEffect(() => {
    if (href) router.push(href);
  }, [href, router]);
  return { state, run, pending, leaving: pending || href !== null };
}
