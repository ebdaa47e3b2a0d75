import type { Metadata } from "next";
import Link from "next/link";
import { ExportStateBadge } from "@/components/exports/export-state";
import { formatSize } from "@/components/exports/file-size";
import { RefreshWhileRunning } from "@/components/exports/refresh-while-running";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { requirePrincipal } from "@/lib/auth/current";
import { listMyExports } from "@/lib/data/exports/my-exports";
import { exportKindLabel, exportSubject } from "@/lib/exports/kinds";
import { SECTIONS } from "@/lib/navigation";

export const metadata: Metadata = { title: SECTIONS.exports.title };

const linkClass = "font-medium text-link hover:underline";

export default async function ExportsPage() {
  const principal = await requirePrincipal();
  const exports = await listMyExports(principal);
  const active = exports.some((e) => e.state === "queued" || e.state === "running");
  return (
    <>
      <RefreshWhileRunning active={active} everyMs={2000} />
      <PageHeader
        title={SECTIONS.exports.title}
        description="Every report and data file you have taken out of Twelvefold, newest first, with the SHA-256 recorded for each. Reports are kept, so you can download them again; CSV and JSON files are recorded by hash only."
      />
      <TableCard
        caption="Your exports, newest first"
        columns={["Export", "Asked for (UTC)", "State", "File", "SHA-256", { label: "Actions", align: "right" }]}
        items={exports}
        empty={
          <EmptyState title="No exports yet">
            Export a portfolio report from the dashboard, or an assessment&apos;s report, CSV or JSON from its page.
          </EmptyState>
        }
        row={(file) => (
          <tr key={file.id}>
            <td className="px-5 py-3">
              <div className="font-medium">{exportKindLabel(file.kind)}</div>
              <div className="text-xs text-muted">{exportSubject(file)}</div>
            </td>
            <td className="whitespace-nowrap px-3 py-3">{formatDateTime(file.createdAt)}</td>
            <td className="whitespace-nowrap px-3 py-3">
              <ExportStateBadge state={file.state} />
              {file.state === "running" ? <span className="ml-2 text-xs tabular-nums">{file.progress}%</span> : null}
            </td>
            <td className="px-3 py-3 text-xs">
              {file.fileName ? <div className="break-all">{file.fileName}</div> : null}
              <div className="text-muted">{formatSize(file.sizeBytes)}</div>
            </td>
            <td className="px-3 py-3 font-mono text-xs" title={file.sha256 ?? undefined}>
              {file.sha256 ? `${file.sha256.slice(0, 12)}…` : "—"}
            </td>
            <td className="whitespace-nowrap px-5 py-3 text-right">
              {file.downloadable ? (
                <a href={`/exports/${file.id}/download`} download className={linkClass} aria-label={`Download ${file.fileName}`}>
                  Download
                </a>
              ) : file.state === "done" ? (
                <span className="text-xs text-muted">Recorded</span>
              ) : (
                <Link href={`/exports/${file.id}`} className={linkClass}>
                  {file.state === "failed" ? "Why it failed" : "Follow progress"}
                </Link>
              )}
            </td>
          </tr>
        )}
      />
    </>
  );
}
