import Link from "next/link";
import { formatDate } from "@/components/ui/format";
import type { AssessmentView } from "@/lib/data/assessments/get-assessment";
import { assessmentStates, type AssessmentState } from "@/lib/vocabulary/assessments";

const STATE_STYLE = {
  draft: "bg-subtle text-slate-800 dark:text-slate-100",
  in_review: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  completed: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
} satisfies Record<AssessmentState, string>;

/** Service, state and provenance of an assessment, above every page of it. */
export function AssessmentHeader({ assessment, children }: { assessment: AssessmentView; children?: React.ReactNode }) {
  const state = { label: assessmentStates.label(assessment.status), style: STATE_STYLE[assessment.status] };
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <div>
        <p className="text-sm text-muted">
          <Link href={`/services/${assessment.service.slug}`} className="hover:underline">
            {assessment.service.name}
          </Link>{" "}
          · {assessment.service.team}
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          Assessment of {assessment.service.name}
          <span className={`rounded-md px-2 py-0.5 text-sm font-semibold ${state.style}`}>{state.label}</span>
        </h1>
        <p className="mt-1 text-sm text-muted">
          Checklist v{assessment.checklist.version} · started {formatDate(assessment.startedAt)}
          {assessment.startedBy ? ` by ${assessment.startedBy}` : ""}
          {assessment.approvedAt ? ` · approved ${formatDate(assessment.approvedAt)} by ${assessment.approvedBy ?? "a former user"}` : ""}
        </p>
      </div>
      {children}
    </div>
  );
}
