"use client";

import { useState } from "react";
import { isEvidenceLink, LIMITS } from "@/lib/assessments/answer-rules";
import { fieldClass } from "@/components/ui/form";

/** The evidence links of one answer: add with Enter or the button, remove each with its own button. */
export function EvidenceLinks({ id, links, onChange, disabled }: { id: string; links: string[]; onChange: (links: string[]) => void; disabled: boolean }) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const link = draft.trim();
    if (!link) return;
    if (!isEvidenceLink(link)) return setError("Use a full http(s) address, like https://git.example.com/org/repo/pull/42.");
    if (links.includes(link)) return setError("This link is already listed.");
    if (links.length >= LIMITS.evidenceLinks) return setError(`At most ${LIMITS.evidenceLinks} links per item.`);
    onChange([...links, link]);
    setDraft("");
    setError(null);
  };
  return (
    <div>
      <label htmlFor={`${id}-link`} className="block text-sm font-medium">Evidence links</label>
      {links.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {links.map((link) => (
            <li key={link} className="flex items-center gap-2">
              <a href={link} target="_blank" rel="noopener noreferrer" className="min-w-0 flex-1 truncate text-indigo-700 hover:underline dark:text-indigo-300">
                {link}
              </a>
              {disabled ? null : (
                <button type="button" onClick={() => onChange(links.filter((l) => l !== link))} className="rounded px-1.5 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800" aria-label={`Remove link ${link}`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : (
        <div className="mt-1 flex gap-2">
          <input
            id={`${id}-link`}
            type="url"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            placeholder="https://…"
            className={`${fieldClass} mt-0`}
            aria-describedby={`${id}-link-error`}
          />
          <button type="button" onClick={add} className="shrink-0 rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
            Add link
          </button>
        </div>
      )}
      <p id={`${id}-link-error`} className="mt-1 text-xs text-rose-700 dark:text-rose-300">{error}</p>
    </div>
  );
}
