import { scoreChange } from "../scoring/mean";
// Words for the portfolio trend charts: their captions and the month labels of
// their tables. Pure, so the dashboard (which fetches the series in the browser)
// and its tests say the same.

export interface TrendPoint {
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  score: number | null;
  assessed: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

export const monthLabel = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

export const unresolved = (p: TrendPoint) => p.critical + p.high + p.medium + p.low;

/** "71.2 now, up 3.4 since Jun 2025." from the first month with a score to the last. */
export function scoreSummary(points: TrendPoint[]): string {
  const first = points.find((p) => p.score !== null);
  const last = points.at(-1);
  if (!first || !last) return "No score yet.";
  const change = scoreChange(first.score, last.score);
  return `${last.score ?? "No score"} now${change === null ? "" : `, ${change >= 0 ? "up" : "down"} ${Math.abs(change)} since ${monthLabel(first.month)}`}.`;
}

/** "41 unresolved now (3 critical), against 58 in Jun 2025." */
export function findingsSummary(points: TrendPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No findings yet.";
  return `${unresolved(last)} unresolved now (${last.critical} critical), against ${unresolved(first)} in ${monthLabel(first.month)}.`;
}
