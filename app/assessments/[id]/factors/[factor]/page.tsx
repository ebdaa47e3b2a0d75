import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentHeader } from "@/components/assessment/assessment-header";
import { FactorNav } from "@/components/assessment/factor-nav";
import { FactorWalk } from "@/components/assessment/factor-walk";
import { AssignFactor } from "@/components/assessment/assign-factor";
import { ItemReadOnly } from "@/components/assessment/item-read-only";
import { getAssessment, type ResponseView } from "@/lib/data/assessments/get-assessment";
import type { ValidationView } from "@/components/assessment/validation-panel";
import { pageRecord } from "@/lib/data/not-found";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Assessment" };

/** The person every item of the factor is assigned to, or "" when they differ or none is. */
function commonAssignee(responses: ResponseView[]): string {
  const ids = new Set(responses.map((r) => r.assignee?.id ?? ""));
  return ids.size === 1 ? [...ids][0]! : "";
}

/** What the walk shows of an answer's attestation and validation. */
function reviewOf(r: ResponseView): ValidationView {
  return {
    attestation: r.attestation,
    validation: r.validation,
    validatedBy: r.validatedBy,
    validationComment: r.validationComment,
    validationGap: r.validationGap,
    mayValidate: r.mayValidate,
    assignee: r.assignee?.name ?? null,
    recheckReason: r.recheckReason,
  };
}

export default async function FactorStepPage({ params }: { params: Promise<{ id: string; factor: string }> }) {
  const {
    params: { id, factor: step },
    record: assessment,
  } = await pageRecord(params, getAssessment, (address) => /^([1-9]|1[0-2])$/.test(address.factor));
  const number = Number(step);
  const factor = assessment.factors[number - 1]!;
  const steps = (
    <nav aria-label="Steps" className="flex items-center justify-between border-t border-line pt-6 text-sm">
      {number > 1 ? (
        <Link href={`/assessments/${id}/factors/${number - 1}`} className="font-medium text-link hover:underline">
          ← {number - 1}. {assessment.factors[number - 2]!.name}
        </Link>
      ) : (
        <span />
      )}
      {number < 12 ? (
        <Link href={`/assessments/${id}/factors/${number + 1}`} className={buttonClass("primary")}>
          Next: {number + 1}. {assessment.factors[number]!.name} →
        </Link>
      ) : (
        <Link href={`/assessments/${id}`} className={buttonClass("primary")}>
          Review and submit →
        </Link>
      )}
    </nav>
  );
  const header = (
    <AssessmentHeader assessment={assessment}>
      <Link href={`/assessments/${id}`} className="text-sm font-medium text-link hover:underline">
        Overview and sign-off
      </Link>
    </AssessmentHeader>
  );

  if (assessment.may.edit) {
    const answers = Object.fromEntries(
      factor.items.map((item) => {
        const r = assessment.responses[item.id]!;
        const pending = assessment.pendingSuggestions[item.id];
        return [
          item.id,
          {
            ...r,
            comments: r.comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
            pendingSuggestion: pending ? { ...pending, submittedAt: pending.submittedAt.toISOString() } : null,
            suggestion: r.suggestion
              ? { ...r.suggestion, submittedAt: r.suggestion.submittedAt.toISOString(), decidedAt: r.suggestion.decidedAt?.toISOString() ?? null }
              : null,
            review: reviewOf(r),
          },
        ];
      }),
    );
    return (
      <>
        {header}
        <FactorWalk
          assessmentId={id}
          factor={factor}
          items={factor.items}
          answers={answers}
          progress={assessment.progress}
          tools={
            assessment.assignable.length ? (
              <AssignFactor
                assessmentId={id}
                factor={number}
                people={assessment.assignable}
                current={commonAssignee(factor.items.map((i) => assessment.responses[i.id]!))}
              />
            ) : null
          }
        >
          {steps}
        </FactorWalk>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside className="lg:sticky lg:top-20 lg:self-start">
          <FactorNav assessmentId={id} factors={assessment.progress} current={number} />
        </aside>
        <div className="space-y-6">
          <div>
            <h2 className="text-xl font-semibold">
              {number}. {factor.name}
            </h2>
            <p className="mt-1 max-w-3xl text-muted">{factor.summary}</p>
          </div>
          {factor.items.map((item) => (
            <ItemReadOnly key={item.id} assessmentId={id} item={item} answer={assessment.responses[item.id]!} />
          ))}
          {steps}
        </div>
      </div>
    </>
  );
}
