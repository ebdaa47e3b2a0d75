import Link from "next/link";
import { ProgressBar } from "./progress-bar";

export interface FactorProgress {
  number: number;
  name: string;
  done: number;
  total: number;
}

/** The side list of the walk: every factor with its progress, to jump anywhere. */
export function FactorNav({ assessmentId, factors, current }: { assessmentId: string; factors: FactorProgress[]; current: number }) {
  const done = factors.reduce((sum, f) => sum + f.done, 0);
  const total = factors.reduce((sum, f) => sum + f.total, 0);
  return (
    <nav aria-label="Factors" className="space-y-4">
      <div>
        <p className="text-sm font-medium">
          Overall: {done} of {total} items done
        </p>
        <div className="mt-1.5">
          <ProgressBar done={done} total={total} label="Overall progress" />
        </div>
      </div>
      <ol className="grid grid-cols-2 gap-1 sm:grid-cols-3 lg:grid-cols-1">
        {factors.map((factor) => (
          <li key={factor.number}>
            <Link
              href={`/assessments/${assessmentId}/factors/${factor.number}`}
              aria-current={factor.number === current ? "step" : undefined}
              className={`block rounded-md px-2.5 py-2 text-sm ${
                factor.number === current ? "bg-indigo-50 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" : "hover:bg-subtle"
              }`}
            >
              <span className="flex items-baseline justify-between gap-2">
                <span>
                  {factor.number}. {factor.name}
                </span>
                <span className="text-xs tabular-nums text-muted">
                  {factor.done}/{factor.total}
                </span>
              </span>
              <span className="mt-1 block">
                <ProgressBar done={factor.done} total={factor.total} label={`${factor.name} progress`} size="sm" />
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
