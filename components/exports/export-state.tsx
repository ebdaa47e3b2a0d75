import { exportStates } from "@/lib/vocabulary/records";
import type { ExportState } from "@/lib/vocabulary/records";
import { Badge, type BadgeTone } from "@/components/ui/tone";

const TONE: Record<ExportState, BadgeTone> = { queued: "neutral", running: "info", done: "success", failed: "danger" };

export function ExportStateBadge({ state }: { state: ExportState }) {
  return <Badge tone={TONE[state]}>{exportStates.label(state)}</Badge>;
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
