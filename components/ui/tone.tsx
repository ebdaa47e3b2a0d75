// The tones that tell a person how things stand: a failure, a warning, a
// success, something under way or to note, or nothing in particular. One look
// per tone, in light and dark, for callouts (boxes on the page) and badges.
const TONES = {
  danger: "border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-50",
  warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50",
  success: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50",
  info: "border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50",
} as const;

export type Tone = keyof typeof TONES;

/** The classes of a callout of that tone; `extra` adds its spacing and layout. */
export function calloutClass(tone: Tone, extra = ""): string {
  return `rounded-lg border text-sm ${TONES[tone]} ${extra}`.trim();
}

const BADGES = {
  danger: "bg-rose-50 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-100 dark:ring-rose-800",
  warning: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800",
  info: "bg-indigo-50 text-indigo-900 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-800",
  neutral: "bg-subtle text-slate-800 ring-field dark:text-slate-100",
} as const;

export type BadgeTone = keyof typeof BADGES;

/** A small status badge of that tone. */
export function Badge({ tone, className = "", children }: { tone: BadgeTone; className?: string; children: React.ReactNode }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${BADGES[tone]} ${className}`}>{children}</span>;
}
