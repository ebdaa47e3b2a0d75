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

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "23 Nov 2026, 02:05", in UTC: for events, sessions and the sign-off trail. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** A YYYY-MM-DD day (as the reports carry them) in the same style as formatDate. */
export function formatDay(iso: string): string {
  return dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}
