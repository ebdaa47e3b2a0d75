"use client";

import { startTransition, useActionState, useState } from "react";
import { applyImportAction, previewImportAction } from "@/app/admin/catalog/actions";
import { ImportPreview } from "@/components/admin/import-preview";
import { Button } from "@/components/ui/button";
import { FormResult } from "@/components/ui/form";
import { MAX_IMPORT_BYTES } from "@/lib/catalog/limits";

type Picked = { path: string; content: string };

/**
 * Upload, preview, apply. The chosen files are read in the browser and sent
 * as text; the preview's digest goes back with them on apply, so what is
 * applied is exactly what was previewed (or nothing, if the services changed).
 */
export function ImportForm({ mode, label, accept, multiple }: { mode: "catalog" | "csv"; label: string; accept: string; multiple: boolean }) {
  const [files, setFiles] = useState<Picked[]>([]);
  const [folder, setFolder] = useState(false);
  const [previewed, setPreviewed] = useState<Picked[] | null>(null);
  const [appliedDigest, setAppliedDigest] = useState<string | null>(null);
  const [preview, previewAction, previewing] = useActionState(previewImportAction, { ok: false, message: null });
  const [applied, applyAction, applying] = useActionState(applyImportAction, { ok: false, message: null });
  const id = `import-${mode}`;
  const choose = async (event: React.ChangeEvent<HTMLInputElement>) => {
    // From a folder, only its catalogue files are read: not the rest of a checkout.
    const chosen = [...(event.currentTarget.files ?? [])].filter((file) => !folder || /(^|\/)catalog-info\.ya?ml$/.test(file.webkitRelativePath));
    // A folder's files are named from inside it, as the command line names them.
    const named = (file: File) => (folder ? file.webkitRelativePath.replace(/^[^/]*\//, "") : file.name);
    setFiles(await Promise.all(chosen.map(async (file) => ({ path: named(file), content: await file.text() }))));
    setPreviewed(null);
  };
  const size = files.reduce((sum, f) => sum + f.content.length, 0);
  const tooLarge = size > MAX_IMPORT_BYTES;
  const current = previewed === files && preview.ok && preview.data ? preview.data : null;
  const done = current !== null && applied.ok && appliedDigest === current.digest;
  const canApply = current && !done && !current.counts.refused && current.counts.created + current.counts.updated + current.counts.markedMissing > 0;
  return (
    <div>
      <form
        aria-label={mode === "catalog" ? "Catalogue upload" : "CSV upload"}
        className="flex flex-wrap items-end gap-3 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          setPreviewed(files);
          startTransition(() => previewAction({ mode, files }));
        }}
      >
        {multiple ? (
          <fieldset className="w-full">
            <legend className="mb-1 text-sm font-medium">Upload</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
              {[
                { value: false, label: "Files" },
                { value: true, label: "A folder (every catalog-info.yaml in it)" },
              ].map((option) => (
                <label key={option.label} className="flex min-h-6 items-center gap-2">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    checked={folder === option.value}
                    onChange={() => {
                      setFolder(option.value);
                      setFiles([]);
                      setPreviewed(null);
                    }}
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="mb-1 block text-sm font-medium">
            {folder ? "Folder" : label}
          </label>
          <input
            key={folder ? "folder" : "files"}
            id={id}
            type="file"
            accept={folder ? undefined : accept}
            multiple={multiple}
            {...(folder ? { webkitdirectory: "" } : {})}
            required
            onChange={choose}
            className="block w-full max-w-full text-sm file:mr-3 file:min-h-9 file:rounded-md file:border file:border-field file:bg-subtle file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={previewing || !files.length || tooLarge}>
          {previewing ? "Reading…" : "Preview"}
        </Button>
        {folder && files.length ? <p className="w-full text-sm text-muted">{files.length} catalogue files found in the folder.</p> : null}
        {tooLarge ? (
          <p role="alert" className="w-full text-sm font-medium text-danger">
            {`These files come to ${(size / 1024 / 1024).toFixed(1)} MB; the page takes ${MAX_IMPORT_BYTES / 1024 / 1024} MB at once. Sync a larger catalogue with the command line or the API (up to 20 MB).`}
          </p>
        ) : null}
      </form>
      <div aria-live="polite" className="px-5">
        {preview.ok ? null : <FormResult state={preview} withFieldErrors />}
      </div>
      {current ? (
        <>
          <ImportPreview plan={current} mode={mode} />
          <div className="flex flex-wrap items-center gap-3 border-t border-line-soft px-5 py-4">
            <Button
              disabled={!canApply || applying}
              onClick={() => {
                setAppliedDigest(current.digest);
                startTransition(() => applyAction({ mode, files, digest: current.digest }));
              }}
            >
              {applying ? "Applying…" : "Apply all"}
            </Button>
            <div aria-live="polite">{appliedDigest === current.digest ? <FormResult state={applied} withFieldErrors /> : null}</div>
          </div>
        </>
      ) : null}
    </div>
  );
}
