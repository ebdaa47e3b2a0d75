import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { Principal } from "@/lib/auth/policy";
import { listAssessmentGaps } from "@/lib/data/reports/list-assessment-gaps";

/** Services never assessed, or not recently: the next ones to walk. */
export async function AssessmentGaps({ principal }: { principal: Principal }) {
  const { staleDays, services } = await listAssessmentGaps(principal);
  return (
    <Card>
      <CardHeader title="Due for assessment" description={`Never assessed, or not in the last ${staleDays} days.`} />
      {services.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted">Every service was assessed in the last {staleDays} days.</p>
      ) : (
        <ul className="divide-y divide-line-soft text-sm">
          {services.map((s) => (
            <li key={s.slug} className="flex items-baseline justify-between gap-3 px-5 py-2.5">
              <span>
                <Link href={`/services/${s.slug}`} className="font-medium text-link hover:underline">
                  {s.name}
                </Link>
                <span className="ml-2 text-xs text-muted">{s.team}</span>
              </span>
              <span className="text-muted">{s.lastAssessedAt ? `last ${formatDate(s.lastAssessedAt)}` : "never"}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
