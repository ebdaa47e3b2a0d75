"use client";

import { useState } from "react";
import { isEvidenceLink, LIMITS } from "@/lib/assessments/answer-rules";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";

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
      <Label htmlFor={`${id}-link`}>Evidence links</Label>
      {links.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {links.map((link) => (
            <li key={link} className="flex items-center gap-2">
              <a href={link} target="_blank" rel="noopener noreferrer" className="min-h-6 min-w-0 flex-1 truncate py-0.5 text-link hover:underline">
                {link}
              </a>
              {disabled ? null : (
                <Button type="button" onClick={() => onChange(links.filter((l) => l !== link))} variant="remove" aria-label={`Remove link ${link}`}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : (
        <div className="mt-1 flex gap-2">
          <Input
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
            className="mt-0"
            aria-describedby={`${id}-link-error`}
          />
          <Button onClick={add} variant="outline" size="none" className="shrink-0 px-3">
            Add link
          </Button>
        </div>
      )}
      <p id={`${id}-link-error`} className="mt-1 text-xs text-danger">
        {error}
      </p>
    </div>
  );
}
