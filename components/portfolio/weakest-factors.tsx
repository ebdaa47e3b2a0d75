import { latestChecklist } from "@/lib/checklist";
import type { ServiceScores } from "@/lib/data/services/list-service-summaries";
import Link from "next/link";
import { ScoreBar } from "@/components/ui/score";
import { findingFilterQuery } from "@/lib/findings/filter";
import { oneDecimal } from "@/lib/scoring/mean";

/** Factors ranked by their mean latest score across assessed services. */
export function weakestFactors(services: ServiceScores[], count = 5) {
  return latestChecklist()
    .factors.map((factor) => {
      const scores = services.map((s) => s.factorScores[factor.number - 1]).filter((s): s is number => s != null);
      const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
      return { number: factor.number, name: factor.name, mean };
    })
    .filter((f) => f.mean !== null)
    .sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0))
    .slice(0, count);
}

export function WeakestFactors({ services }: { services: ServiceScores[] }) {
  const factors = weakestFactors(services);
  return (
    <ol className="divide-y divide-line-soft">
      {factors.map((factor) => (
        <li key={factor.number} className="flex items-center justify-between gap-4 px-5 py-3">
          <Link href={`/findings${findingFilterQuery({ factor: factor.number })}`} className="text-sm text-link hover:underline">
            <span className="mr-2 font-mono text-xs text-muted">F{factor.number}</span>
            {factor.name}
          </Link>
          <ScoreBar score={factor.mean === null ? null : oneDecimal(factor.mean)} />
        </li>
      ))}
    </ol>
  );
}
