import type { Metadata } from "next";
import Link from "next/link";
import { ExportProgressBar, ExportStateBadge } from "@/components/exports/export-state";
import { formatSize } from "@/components/exports/file-size";
import { RefreshWhileRunning } from "@/components/exports/refresh-while-running";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { buttonClass } from "@/components/ui/button";
import { getMyExport } from "@/lib/data/exports/my-exports";
import { pageRecord } from "@/lib/data/not-found";
import { exportKindLabel, exportSubject } from "@/lib/exports/kinds";
import { exportStage } from "@/lib/exports/progress";
import { calloutClass } from "@/components/ui/tone";

export const metadata: Metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: file } = await pageRecord(params, getMyExport);
  const active = file.state === "queued" || file.state === "running";
  const stage = exportStage(file.state, file.progress, file.waitingMs);
  const subject = exportSubject(file);
  return (
    <>
      <RefreshWhileRunning active={active} />
      <div className="mb-8">
        <p className="text-sm text-muted">
          <Link href="/exports" className="hover:underline">
            Your exports
          </Link>{" "}
          / {exportKindLabel(file.kind)}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{exportKindLabel(file.kind)}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted">
          <ExportStateBadge state={file.state} />
          <span>
            {subject} · asked for {formatDateTime(file.createdAt)} UTC
          </span>
        </div>
      </div>
      <Card className="max-w-3xl">
        <CardHeader
          title={active ? "Making your report" : file.state === "done" ? "Your report is ready" : "The report could not be made"}
          description={
            active ? "A worker lays the report out away from the web server. You may leave this page: the report waits for you under Your exports." : undefined
          }
        />
        <div className="space-y-4 px-5 py-5">
          <ExportProgressBar state={file.state} progress={file.progress} />
          <p role="status" aria-live="polite" className="text-sm">
            {stage}
            {active ? <span className="ml-2 tabular-nums text-muted">{file.progress}%</span> : null}
          </p>
          {file.state === "failed" && file.error ? (
            <p role="alert" className={calloutClass("danger", "px-4 py-3")}>
              {file.error}
            </p>
          ) : null}
          {file.state === "done" ? (
            <>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-muted">File</dt>
                <dd className="break-all">
                  {file.fileName} · {formatSize(file.sizeBytes)}
                </dd>
                <dt className="text-muted">Finished</dt>
                <dd>{file.completedAt ? `${formatDateTime(file.completedAt)} UTC` : "—"}</dd>
                <dt className="text-muted">SHA-256</dt>
                <dd className="break-all font-mono text-xs">{file.sha256}</dd>
              </dl>
              <div className="flex flex-wrap items-center gap-4">
                {file.downloadable ? (
                  <a href={`/exports/${file.id}/download`} download className={buttonClass("primary")}>
                    Download the report
                  </a>
                ) : null}
                <p className="text-sm text-muted">
                  Anyone you give it to can check it is unaltered on{" "}
                  <Link href="/verify" className="font-medium text-link hover:underline">
                    Verify
                  </Link>
                  .
                </p>
              </div>
            </>
          ) : null}
          {file.state === "failed" ? (
            <p className="text-sm">
              <Link href="/" className="font-medium text-link hover:underline">
                Back to the dashboard
              </Link>{" "}
              to ask for it again.
            </p>
          ) : null}
        </div>
      </Card>
    </>
  );
}
