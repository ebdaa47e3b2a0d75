"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-reads the page from the server every `everyMs` while an export is under way. */
export function RefreshWhileRunning({ active, everyMs = 1000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
