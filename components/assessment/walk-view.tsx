"use client";

import { createContext, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import type { ResponseStatus } from "@/lib/vocabulary/answers";

// How the walk is shown: in full (guidance, notes, links and files open) or
// compact (status and justification; the rest on demand). The choice is the
// reviewer's, kept in this browser.
const KEY = "twelvefold.walk-view";
const CHANGED = "twelvefold:walk-view";

const WalkView = createContext({ compact: false });
export const useWalkView = () => useContext(WalkView);

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The view chosen, and a way to change it. */
export function useCompactChoice(): [boolean, (compact: boolean) => void] {
  const compact = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(KEY) === "compact",
    () => false,
  );
  const choose = useCallback((next: boolean) => {
    window.localStorage.setItem(KEY, next ? "compact" : "full");
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [compact, choose];
}

export function WalkViewProvider({ compact, children }: { compact: boolean; children: ReactNode }) {
  return <WalkView.Provider value={{ compact }}>{children}</WalkView.Provider>;
}

/** In the compact view, what is inside opens on demand; in the full view it is simply shown. */
export function OnDemand({ summary, children }: { summary: string; children: ReactNode }) {
  const { compact } = useWalkView();
  if (!compact) return <>{children}</>;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer py-1 font-medium text-link">{summary}</summary>
      <div className="mt-2 space-y-4">{children}</div>
    </details>
  );
}

const STATUS_KEYS: Record<string, ResponseStatus> = { "1": "met", "2": "partially_met", "3": "not_met", "4": "not_applicable" };

export const SHORTCUTS = "Keys: 1 Met, 2 Partially met, 3 Not met, 4 Not applicable; J next item, K previous item (outside a text field).";

/**
 * The walk's keyboard shortcuts, for the page holding the items (each an
 * `article[data-item]` inside `container`): 1 to 4 choose the status of the
 * item the focus is in, J and K move to the next and previous item. Keys typed
 * into a text field are left alone.
 */
export function useWalkKeys(container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const root = container.current;
      if (!root || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest("textarea, select, [contenteditable], input:not([type=radio]):not([type=checkbox])")) return;
      const article = target?.closest<HTMLElement>("article[data-item]") ?? null;
      const key = event.key.toLowerCase();
      if (key === "j" || key === "k") {
        const articles = [...root.querySelectorAll<HTMLElement>("article[data-item]")];
        const index = article ? articles.indexOf(article) : -1;
        const next = articles[key === "j" ? index + 1 : Math.max(0, index - 1)];
        if (!next) return;
        event.preventDefault();
        next.focus();
        next.scrollIntoView({ block: "start" });
      } else if (article && root.contains(article) && STATUS_KEYS[event.key]) {
        const radio = article.querySelector<HTMLInputElement>(`input[type="radio"][value="${STATUS_KEYS[event.key]}"]`);
        if (!radio) return;
        event.preventDefault();
        radio.click();
        radio.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [container]);
}
