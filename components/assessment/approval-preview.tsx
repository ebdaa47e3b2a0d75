import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatScore, ScoreBadge } from "@/components/ui/score";
import { SeverityBadge } from "@/components/ui/severity";
import type { ApprovalPreview, PreviewFindingStep } from "@/lib/data/assessments/preview-approval";
import { scoreChange, signedChange } from "@/lib/scoring/mean";
import { answerStatuses } from "@/lib/vocabulary/answers";

const STEPS: { kind: PreviewFindingStep["kind"]; title: string }[] = [
  { kind: "open", title: "Opens" },
  { kind: "reopen", title: "Reopens" },
  { kind: "reconfirm", title: "Re-confirms (still open)" },
  { kind: "resolve", title: "Resolves" },
];

const itemLink = (assessmentId: string, item: { itemId: string; factor?: number }) =>
  `/assessments/${assessmentId}/factors/${item.factor ?? Number(item.itemId.slice(1, 3))}#${item.itemId}`;

/** What approving would freeze and change, for the lead to read before deciding. */
export function ApprovalPreviewCards({ preview, assessmentId }: { preview: ApprovalPreview; assessmentId: string }) {
  const { overall, previous } = preview.comparison;
  const change = scoreChange(overall.before, overall.after);
  return (
    <>
      <Card>
        <CardHeader title="What approval records" description="Worked out now from the submitted answers, by the same rules approval applies." />
        <dl className="grid gap-4 px-5 py-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-muted">Score it freezes</dt>
            <dd className="mt-1">
              <ScoreBadge score={overall.after} label={`Score approval freezes: ${formatScore(overall.after)}`} />
            </dd>
          </div>
          <div>
            <dt className="text-muted">Since the last approval</dt>
            <dd className="mt-1 tabular-nums">{previous ? signedChange(change) : "First approval"}</dd>
          </div>
          <div>
            <dt className="text-muted">Findings it opens or reopens</dt>
            <dd className="mt-1 tabular-nums" aria-label="Findings approval opens or reopens">
              {preview.findings.filter((f) => f.kind === "open" || f.kind === "reopen").length}
            </dd>
          </div>
        </dl>
      </Card>
      <Card>
        <CardHeader
          title={`Gaps (${preview.gaps.length})`}
          description="Items answered not met or partly met, with the reviewer's reasons. Approval freezes them."
        />
        {preview.gaps.length ? (
          <ul className="divide-y divide-line-soft text-sm">
            {preview.gaps.map((gap) => (
              <li key={gap.itemId} className="px-5 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={itemLink(assessmentId, gap)} className="font-mono text-xs text-link hover:underline">
                    {gap.itemId}
                  </Link>
                  <span className="font-medium">{gap.title}</span>
                  <span className="text-muted">· {answerStatuses.label(gap.status)}</span>
                  <SeverityBadge level={gap.severity} />
                </div>
                <p className="mt-1 whitespace-pre-wrap text-soft">{gap.justification || "No justification given."}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-5 py-4 text-sm text-muted">No gaps: every item is met or not applicable.</p>
        )}
      </Card>
      <Card>
        <CardHeader title="Findings approval changes" description="One finding per service and item: what each answer does to the service's findings." />
        <div className="grid gap-4 px-5 py-4 text-sm sm:grid-cols-2">
          {STEPS.map(({ kind, title }) => {
            const steps = preview.findings.filter((f) => f.kind === kind);
            return (
              <section key={kind} aria-label={`${title}: ${steps.length}`}>
                <h3 className="font-medium">
                  {title}: <span className="tabular-nums">{steps.length}</span>
                </h3>
                <ul className="mt-1 space-y-1">
                  {steps.map((step) => (
                    <li key={step.itemId} className="flex items-center gap-2">
                      <SeverityBadge level={step.severity} />
                      <Link href={itemLink(assessmentId, step)} className="min-w-0 truncate text-link hover:underline" title={step.title}>
                        {step.itemId}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </Card>
    </>
  );
}
