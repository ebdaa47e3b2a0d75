import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { Principal } from "@/lib/auth/policy";
import { listAssessmentGaps, type AssessmentGap } from "@/lib/data/reports/list-assessment-gaps";

const STATE_TEXT: Record<AssessmentGap["state"], { label: string; tone: string }> = {
  never: { label: "never reviewed", tone: "text-danger" },
  overdue: { label: "overdue since", tone: "text-danger" },
  due_soon: { label: "due", tone: "font-medium text-soft" },
};

/** Services due for review by their tier's cadence: the next ones to walk. */
export async function AssessmentGaps({ principal }: { principal: Principal }) {
  const { intervals, counts, services } = await listAssessmentGaps(principal);
  const cadence = `Critical every ${intervals.critical} days, high ${intervals.high}, medium ${intervals.medium}, low ${intervals.low}.`;
  return (
    <Card>
      <CardHeader
        title="Due for review"
        description={`${counts.overdue} overdue, ${counts.never} never reviewed, ${counts.dueSoon} due within 14 days. ${cadence}`}
      />
      {services.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted">No service is due for review in the next 14 days.</p>
      ) : (
        <ul className="divide-y divide-line-soft text-sm">
          {services.map((s) => (
            <li key={`${s.team}/${s.slug}`} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 px-5 py-2.5">
              <span>
                <Link href={`/services/${s.slug}`} className="font-medium text-link hover:underline">
                  {s.name}
                </Link>
                <span className="ml-2 text-xs text-muted">
                  {s.team} · {s.tier}
                </span>
              </span>
              <span className={STATE_TEXT[s.state].tone}>
                {STATE_TEXT[s.state].label}
                {s.dueOn ? ` ${formatDate(s.dueOn)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
