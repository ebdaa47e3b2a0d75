import type { DueState } from "@/lib/findings/due";

const STYLE: Record<Exclude<DueState, "none">, string> = {
  overdue: "bg-rose-700 text-white",
  due_soon: "bg-amber-100 text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800",
  due: "bg-subtle text-slate-700 ring-1 ring-inset ring-field dark:text-slate-200",
};
const LABEL: Record<Exclude<DueState, "none">, string> = { overdue: "Overdue", due_soon: "Due soon", due: "Due" };

export function DueBadge({ state }: { state: DueState }) {
  if (state === "none") return null;
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold ${STYLE[state]}`}>{LABEL[state]}</span>;
}
