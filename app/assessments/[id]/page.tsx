import { formatDateTime } from "@/components/ui/format";
import type { Metadata } from "next";
import { DownloadButton } from "@/components/exports/download-button";
import Link from "next/link";
import { AssessmentHeader } from "@/components/assessment/assessment-header";
import { ApprovalPreviewCards } from "@/components/assessment/approval-preview";
import { Comparison } from "@/components/assessment/comparison";
import { ProgressBar } from "@/components/assessment/progress-bar";
import { ApproveForm, ReturnForm, SubmitForm } from "@/components/assessment/sign-off-forms";
import { Card, CardHeader } from "@/components/ui/card";
import { ScoreBadge } from "@/components/ui/score";
import { ValidationCard } from "@/components/assessment/validation-card";
import { FACTOR_NAMES } from "@/lib/checklist/factor-names";
import { compareWithPrevious } from "@/lib/data/assessments/compare-with-previous";
import { getAssessment } from "@/lib/data/assessments/get-assessment";
import { previewApproval } from "@/lib/data/assessments/preview-approval";
import { pageRecord } from "@/lib/data/not-found";
import { assessmentEventKinds } from "@/lib/vocabulary/assessments";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const {
    principal,
    params: { id },
    record: assessment,
  } = await pageRecord(params, getAssessment);
  const comparison = assessment.status === "completed" ? await compareWithPrevious(principal, id) : null;
  // Under review: what approval would freeze, worked out now, for the lead to decide on.
  const preview = assessment.status === "in_review" ? await previewApproval(principal, id) : null;
  const changes = comparison ?? preview?.comparison ?? null;
  const factorScore = (n: number) => (preview ? (preview.comparison.factors[n - 1]?.after ?? null) : (assessment.factorScores[n - 1] ?? null));
  // What stands between the draft and sign-off: answers not done, then answers waiting for security.
  const gaps = Object.values(assessment.responses)
    .map((r) => ({ itemId: r.itemId, gap: r.gap ?? r.validationGap }))
    .filter((r) => r.gap !== null)
    .sort((a, b) => a.itemId.localeCompare(b.itemId));
  const done = assessment.progress.reduce((s, f) => s + f.done, 0);
  const total = assessment.progress.reduce((s, f) => s + f.total, 0);
  const firstOpen = assessment.progress.find((f) => f.done < f.total)?.number ?? 1;

  return (
    <>
      <AssessmentHeader assessment={assessment}>
        <div className="flex flex-wrap gap-3">
          {assessment.may.export ? (
            <>
              {[
                [`/assessments/${id}/report`, "Download PDF report"],
                [`/assessments/${id}/data?format=csv`, "CSV"],
                [`/assessments/${id}/data?format=json`, "JSON"],
              ].map(([href, label]) => (
                <DownloadButton
                  key={href}
                  action={href!}
                  label={label!}
                  accessibleName={label === "CSV" || label === "JSON" ? `Download ${label}` : undefined}
                />
              ))}
            </>
          ) : null}
          <Link href={`/assessments/${id}/factors/${firstOpen}`} className={buttonClass("primary", "md", "shadow-sm")}>
            {assessment.may.edit ? (done === 0 ? "Start the walk" : "Continue the walk") : "Read the answers"}
          </Link>
        </div>
      </AssessmentHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Progress"
              description={`${done} of ${total} items done: answered, confirmed where carried over, and justified where a justification is owed.`}
            />
            <ol className="divide-y divide-line-soft">
              {assessment.progress.map((f) => (
                <li key={f.number} className="grid grid-cols-[minmax(0,1fr)_8rem_3.5rem] items-center gap-4 px-5 py-2.5 text-sm">
                  <Link href={`/assessments/${id}/factors/${f.number}`} className="text-link hover:underline">
                    {f.number}. {f.name}
                  </Link>
                  <ProgressBar done={f.done} total={f.total} label={`${f.name} progress`} size="sm" />
                  <span className="text-right tabular-nums">
                    {assessment.status === "draft" ? `${f.done}/${f.total}` : <ScoreBadge score={factorScore(f.number)} />}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
          {preview ? <ApprovalPreviewCards preview={preview} assessmentId={id} /> : null}
          {/* The decision follows the facts it rests on. */}
          {assessment.may.approve ? (
            <Card>
              <CardHeader title="Sign-off" description={`Submitted by ${assessment.submittedBy ?? "a reviewer"}.`} />
              <div className="space-y-6 px-5 py-4">
                <ApproveForm assessmentId={id} />
                <ReturnForm
                  assessmentId={id}
                  items={assessment.factors.flatMap((f) =>
                    f.items.map((i) => ({ id: i.id, title: i.title, factor: f.number, gap: preview?.gaps.some((g) => g.itemId === i.id) ?? false })),
                  )}
                />
              </div>
            </Card>
          ) : null}
          {changes ? <Comparison comparison={changes} factorNames={FACTOR_NAMES} /> : null}
        </div>
        <div className="space-y-6">
          {assessment.status === "completed" ? (
            <Card className="px-5 py-4">
              <p className="text-sm font-medium text-muted">Overall score</p>
              <div className="mt-2">
                <ScoreBadge score={assessment.overallScore} />
              </div>
            </Card>
          ) : null}
          {assessment.status === "draft" ? <ValidationCard assessment={assessment} /> : null}
          {assessment.may.submit ? (
            <Card>
              <CardHeader title="Submit" />
              <div className="px-5 py-4">
                <SubmitForm assessmentId={id} ready={gaps.length === 0} />
                {gaps.length ? (
                  <ul className="mt-3 max-h-64 space-y-1 overflow-y-auto text-sm">
                    {gaps.map((g) => {
                      const factor = Number(g.itemId.slice(1, 3));
                      return (
                        <li key={g.itemId}>
                          <Link href={`/assessments/${id}/factors/${factor}#${g.itemId}`} className="font-mono text-xs text-link hover:underline">
                            {g.itemId}
                          </Link>{" "}
                          <span className="text-muted">{g.gap}</span>
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
              </div>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Sign-off trail" />
            <ol className="space-y-3 px-5 py-4 text-sm">
              {assessment.events.map((event) => (
                <li key={event.occurredAt.toISOString() + event.kind}>
                  <p className="font-medium">{assessmentEventKinds.label(event.kind)}</p>
                  <p className="text-muted">
                    <span title={event.actorEmail}>{event.actor}</span> ·{" "}
                    <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)} UTC</time>
                  </p>
                  {event.comment ? <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 px-2 py-1 dark:bg-slate-950">{event.comment}</p> : null}
                </li>
              ))}
              {assessment.events.length === 0 ? <li className="text-muted">Recorded from the first sign-off on.</li> : null}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
