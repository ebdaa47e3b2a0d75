/** A labelled progress bar that screen readers announce as "done of total". */
export function ProgressBar({ done, total, label, size = "md" }: { done: number; total: number; label: string; size?: "sm" | "md" }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} done`}
      className={`w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800 ${size === "sm" ? "h-1.5" : "h-2.5"}`}
    >
      <div className={`h-full rounded-full ${done === total ? "bg-emerald-500" : "bg-indigo-500"}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
