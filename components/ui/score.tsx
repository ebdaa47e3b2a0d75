import { scoreBand } from "@/lib/scoring/score";
import { oneDecimal } from "@/lib/scoring/mean";

// Colours pair a light tint with dark text (and the reverse in dark mode) so
// every score stays readable at WCAG AA contrast. The classes are defined once
// in globals.css (.band-*): a heatmap repeats them hundreds of times a page.
export const BAND_STYLES = {
  none: "band-none",
  poor: "band-poor",
  fair: "band-fair",
  good: "band-good",
  strong: "band-strong",
} as const;

const BAR_STYLES = {
  none: "bg-slate-300",
  poor: "bg-rose-500",
  fair: "bg-amber-500",
  good: "bg-lime-500",
  strong: "bg-emerald-500",
} as const;

export function formatScore(score: number | null): string {
  return score === null ? "—" : String(oneDecimal(score));
}

export function ScoreBadge({ score, label }: { score: number | null; label?: string }) {
  const band = scoreBand(score);
  return (
    <span
      className={`inline-flex min-w-10 justify-center rounded-md px-2 py-0.5 text-sm font-semibold tabular-nums ${BAND_STYLES[band]}`}
      aria-label={label ?? (score === null ? "Not assessed" : `Score ${formatScore(score)} of 100`)}
    >
      {formatScore(score)}
    </span>
  );
}

export function ScoreBar({ score }: { score: number | null }) {
  const band = scoreBand(score);
  return (
    <div className="flex items-center gap-3">
      <div className="h-2 w-24 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
        <div className={`h-full rounded-full ${BAR_STYLES[band]}`} style={{ width: `${score ?? 0}%` }} />
      </div>
      <ScoreBadge score={score} />
    </div>
  );
}
