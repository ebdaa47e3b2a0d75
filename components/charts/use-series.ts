"use client";

import { useEffect, useState } from "react";

export type SeriesState<T> = { kind: "loading" } | { kind: "failed" } | { kind: "ready"; data: T };
const LOADING = { kind: "loading" } as const;

/**
 * Fetches a chart's series from its /series route once the page is on screen.
 * A series that arrived for another URL (the reader switched team) reads as
 * loading until the new one arrives; a stale request is aborted.
 */
export function useSeries<T>(url: string): SeriesState<T> {
  const [arrived, setArrived] = useState<{ url: string; state: SeriesState<T> } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<T>) : Promise.reject(new Error(String(response.status)))))
      .then((data) => setArrived({ url, state: { kind: "ready", data } }))
      .catch(() => {
        if (!controller.signal.aborted) setArrived({ url, state: { kind: "failed" } });
      });
    return () => controller.abort();
  }, [url]);
  return arrived && arrived.url === url ? arrived.state : LOADING;
}
