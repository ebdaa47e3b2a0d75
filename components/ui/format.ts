const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | null): string {
  return date ? dateFormat.format(date) : "—";
}

/** "12 days ago", "in 3 days": for due dates and last-assessed columns. */
export function relativeDays(date: Date, now: Date = new Date()): string {
  const days = Math.round((date.getTime() - now.getTime()) / 86_400_000);
  if (days === 0) return "today";
  return days < 0 ? `${-days} day${days === -1 ? "" : "s"} ago` : `in ${days} day${days === 1 ? "" : "s"}`;
}
