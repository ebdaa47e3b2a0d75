import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { AssessmentView } from "@/lib/data/assessments/get-assessment";
import { DrawSampleForm } from "./draw-sample-form";

/** Where the answers stand with security: validated, waiting, sent back; the sample, once drawn, or the form that draws it. */
export function ValidationCard({ assessment }: { assessment: AssessmentView }) {
  const answers = Object.values(assessment.responses).filter((r) => r.status !== "unanswered" && !r.carriedOver);
  const count = (test: (r: (typeof answers)[number]) => boolean) => answers.filter(test).length;
  const rows = [
    ["Validated", count((r) => r.validation === "agreed")],
    ["Awaiting validation", count((r) => r.validationGap === "awaiting validation")],
    ["Sent back to their owners", count((r) => r.validation === "sent_back")],
    ["Accepted outside the sample", count((r) => r.outsideSample)],
  ] as const;
  const waiting = rows[1][1];
  return (
    <Card>
      <CardHeader title="Validation" description="Answers service owners attest are validated by security before sign-off, each or by a drawn sample." />
      <div className="space-y-4 px-5 py-4 text-sm">
        <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1">
          {rows.map(([label, n]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="text-right tabular-nums font-medium">{n}</dd>
            </div>
          ))}
        </dl>
        {assessment.sample ? (
          <p>
            Sample drawn by {assessment.sample.drawnBy ?? "a former user"} on{" "}
            <time dateTime={assessment.sample.drawnAt.toISOString()}>{formatDateTime(assessment.sample.drawnAt)} UTC</time>: {assessment.sample.rule}.{" "}
            {assessment.sample.itemIds.length} drawn: <span className="font-mono text-xs">{assessment.sample.itemIds.join(", ") || "none"}</span>.
          </p>
        ) : assessment.may.validate && waiting > 0 ? (
          <DrawSampleForm assessmentId={assessment.id} waiting={waiting} />
        ) : null}
      </div>
    </Card>
  );
}
