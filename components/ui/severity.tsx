type Level = "critical" | "high" | "medium" | "low";

const STYLES: Record<Level, string> = {
  critical: "bg-rose-700 text-white",
  high: "bg-orange-100 text-orange-900 ring-1 ring-inset ring-orange-300 dark:bg-orange-950 dark:text-orange-100 dark:ring-orange-800",
  medium: "bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800",
  low: "bg-subtle text-slate-700 ring-1 ring-inset ring-field dark:text-slate-200",
};

export function SeverityBadge({ level }: { level: Level }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold capitalize ${STYLES[level]}`}>{level}</span>;
}
