// The app's buttons: one look per purpose, declared once. Links that act as
// buttons take the same classes through buttonClass().
import type { ButtonHTMLAttributes } from "react";

const BASE = "rounded-md text-sm font-semibold disabled:opacity-60";

const VARIANTS = {
  /** The main action of a form. */
  primary: `${BASE} bg-indigo-600 text-white hover:bg-indigo-700`,
  /** Beside a page's title, or a second action: quieter than the primary one. */
  secondary: `${BASE} border border-field bg-surface text-slate-800 shadow-sm hover:bg-hover dark:text-slate-100`,
  /** A minor action inside a card or list. */
  outline: `${BASE} border border-field hover:bg-hover`,
  /** Signing off: the decision the whole walk leads to. */
  approve: `${BASE} bg-emerald-700 text-white hover:bg-emerald-800`,
  /** Settling a conflict in favour of one's own change. */
  caution: `${BASE} bg-amber-700 text-white hover:bg-amber-800`,
  /** The other side of a conflict, or a confirmation the reviewer owes. */
  cautionOutline: `${BASE} border border-amber-700 hover:bg-amber-100 dark:hover:bg-amber-900`,
  /** Taking a machine's suggested answer, and keeping one's own instead. */
  suggestion: `${BASE} bg-sky-700 text-white hover:bg-sky-800`,
  suggestionOutline: `${BASE} border border-sky-400 bg-white text-sky-950 hover:bg-sky-100 dark:border-sky-700 dark:bg-sky-900 dark:text-sky-50`,
  /** Confirming a carried-over answer: asked of the reviewer, not alarming. */
  confirm:
    "rounded-md border border-amber-400 bg-amber-50 text-sm font-medium text-amber-950 hover:bg-amber-100 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  /** The small actions in a table row (administration). */
  row: "rounded-md border border-field text-xs font-medium hover:bg-subtle disabled:opacity-60",
  /** Clears a filter: a way out, not an action. */
  quiet: "rounded-md text-sm font-medium text-soft hover:bg-subtle",
  /** Removes one entry from a small list (a link, an attachment). */
  remove: "inline-flex min-h-6 items-center rounded px-1.5 text-xs text-soft hover:bg-subtle",
  /** A destructive action written as text (revoke). */
  dangerText: "inline-flex min-h-6 items-center text-sm font-medium text-danger hover:underline disabled:opacity-60",
  /** A secondary action written as a link. */
  linkText: "inline-flex min-h-6 items-center text-xs font-medium text-link underline",
} as const;

const SIZES = { md: "px-4 py-2", sm: "px-3 py-1.5", xs: "px-2.5 py-1", narrow: "px-3 py-2", none: "" } as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** Text-only variants take no padding; they are still at least 24 px tall (WCAG 2.2, target size). */
const TEXT_ONLY: readonly ButtonVariant[] = ["remove", "dangerText", "linkText"];

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", extra = ""): string {
  const padding = TEXT_ONLY.includes(variant) ? "" : SIZES[size];
  return [VARIANTS[variant], padding, extra].filter(Boolean).join(" ");
}

export function Button({
  variant = "primary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
