"use client";

import { useRef, useState, useTransition } from "react";
import { addAttachmentAction, removeAttachmentAction } from "@/app/assessments/[id]/actions";
import { ACCEPTED_EXTENSIONS, ATTACHMENT_MAX_BYTES } from "@/lib/assessments/attachment-type";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/field";

export interface AttachmentItem {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** When what it shows was true, and until when it stands (null: no end). */
  effectiveOn: Date | string;
  validUntil: Date | string | null;
}

const day = (value: Date | string) => new Date(value).toISOString().slice(0, 10);

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Evidence files of one answer: uploaded to Postgres, always downloaded, never shown inline. */
export function Attachments(props: { id: string; assessmentId: string; itemId: string; initial: AttachmentItem[]; disabled: boolean }) {
  const [files, setFiles] = useState(props.initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const effective = useRef<HTMLInputElement>(null);
  const until = useRef<HTMLInputElement>(null);
  const today = new Date().toISOString().slice(0, 10);

  const upload = () => {
    const file = input.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: "Choose a file first." });
    if (file.size > ATTACHMENT_MAX_BYTES) return setMessage({ ok: false, text: `The file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.` });
    const form = new FormData();
    form.set("assessmentId", props.assessmentId);
    form.set("itemId", props.itemId);
    form.set("file", file);
    form.set("effectiveOn", effective.current?.value ?? "");
    form.set("validUntil", until.current?.value ?? "");
    startTransition(async () => {
      try {
        const result = await addAttachmentAction({ ok: false, message: null }, form);
        if (result.ok && result.data) {
          setFiles((current) => [...current, result.data!]);
          if (input.current) input.current.value = "";
        }
        setMessage({ ok: result.ok, text: result.message ?? "" });
      } catch {
        setMessage({ ok: false, text: "The upload did not reach the server. Try again." });
      }
    });
  };

  const remove = (file: AttachmentItem) => {
    const form = new FormData();
    form.set("assessmentId", props.assessmentId);
    form.set("itemId", props.itemId);
    form.set("attachmentId", file.id);
    startTransition(async () => {
      const result = await removeAttachmentAction({ ok: false, message: null }, form);
      if (result.ok) setFiles((current) => current.filter((f) => f.id !== file.id));
      setMessage({ ok: result.ok, text: result.message ?? "" });
    });
  };

  return (
    <div>
      <Label htmlFor={`${props.id}-file`}>Attachments</Label>
      {files.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {files.map((file) => (
            <li key={file.id} className="flex items-center gap-2">
              <a
                href={`/assessments/${props.assessmentId}/attachments/${file.id}`}
                download
                className="min-w-0 flex-1 truncate text-link hover:underline"
                title={`SHA-256 ${file.sha256}`}
              >
                {file.fileName}
              </a>
              <span className="text-xs text-muted">
                {size(file.sizeBytes)} · true {day(file.effectiveOn)}
                {file.validUntil ? `, until ${day(file.validUntil)}` : ""}
              </span>
              {file.validUntil && day(file.validUntil) < today ? (
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-100">Expired</span>
              ) : null}
              {props.disabled ? null : (
                <Button type="button" disabled={pending} onClick={() => remove(file)} variant="remove" aria-label={`Remove attachment ${file.fileName}`}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : props.disabled ? (
        <p className="mt-1 text-sm text-muted">None.</p>
      ) : null}
      {props.disabled ? null : (
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input
            id={`${props.id}-file`}
            ref={input}
            type="file"
            accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")}
            className="min-w-0 flex-1 text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
            aria-describedby={`${props.id}-file-hint`}
          />
          <Button type="button" onClick={upload} disabled={pending} variant="outline" size="sm">
            {pending ? "Working…" : "Attach"}
          </Button>
          <div className="flex basis-full flex-wrap gap-3 text-xs">
            <label className="flex items-center gap-1">
              True as of
              <input ref={effective} type="date" max={today} className="rounded border border-field bg-surface px-1 py-0.5" />
            </label>
            <label className="flex items-center gap-1">
              Valid until
              <input ref={until} type="date" className="rounded border border-field bg-surface px-1 py-0.5" />
            </label>
            <span className="text-muted">(empty: today, and the item&apos;s usual period)</span>
          </div>
        </div>
      )}
      <p id={`${props.id}-file-hint`} className="mt-1 text-xs text-muted">
        {props.disabled ? null : `Up to ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB: ${ACCEPTED_EXTENSIONS.join(", ")}.`}
      </p>
      {message?.text ? (
        <p role={message.ok ? "status" : "alert"} className={`text-xs ${message.ok ? "text-success" : "text-danger"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
