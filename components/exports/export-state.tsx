import { exportStates } from "@/lib/vocabulary/records";
import type { ExportState } from "@/lib/vocabulary/records";

const STYLES: Record<ExportState, string> = {
  queued: "bg-subtle text-slate-800 ring-field dark:text-slate-100",
  running: "bg-indigo-50 text-indigo-900 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-800",
  done: "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800",
  failed: "bg-rose-50 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-100 dark:ring-rose-800",
};

export function ExportStateBadge({ state }: { state: ExportState }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLES[state]}`}>{exportStates.label(state)}</span>;
}

/** How far an export has got, announced to screen readers as a percentage. */
export function ExportProgressBar({ state, progress }: { state: ExportState; progress: number }) {
  const percent = state === "done" ? 100 : Math.max(0, Math.min(100, progress));
  return (
    <div
      role="progressbar"
      aria-label="Export progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-500 ${state === "failed" ? "bg-rose-500" : state === "done" ? "bg-emerald-500" : "bg-indigo-500"}`}
        style={{ width: `${state === "failed" ? 100 : percent}%` }}
      />
    </div>
  );
}
