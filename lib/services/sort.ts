// The orders the services list offers. Missing values (never assessed) go
// where a reviewer looks for them: first among the stalest, last among scores.
import { z } from "zod";

export const SERVICE_SORTS = [
  { value: "name", label: "Team and name" },
  { value: "score", label: "Score, lowest first" },
  { value: "assessed", label: "Last assessed, longest ago first" },
  { value: "due", label: "Review due, soonest first" },
  { value: "findings", label: "Open findings, most first" },
] as const;

export type ServiceSort = (typeof SERVICE_SORTS)[number]["value"];
export const serviceSortSchema = z.enum(SERVICE_SORTS.map((s) => s.value) as [ServiceSort, ...ServiceSort[]]);

interface Sortable {
  name: string;
  team: { name: string };
  latestScore: number | null;
  lastAssessedAt: Date | null;
  /** When its next review is due; null when it was never assessed (due now). See lib/programme/cadence.ts. */
  reviewDue: Date | null;
  openFindings: Record<string, number>;
}

const byName = (a: Sortable, b: Sortable) => a.team.name.localeCompare(b.team.name) || a.name.localeCompare(b.name);
const open = (s: Sortable) => Object.values(s.openFindings).reduce((sum, n) => sum + n, 0);

/** A sorted copy; ties keep team and name order. */
export function sortServices<T extends Sortable>(services: readonly T[], sort: ServiceSort): T[] {
  const compare: Record<ServiceSort, (a: T, b: T) => number> = {
    name: () => 0,
    score: (a, b) => (a.latestScore ?? Infinity) - (b.latestScore ?? Infinity),
    assessed: (a, b) => (a.lastAssessedAt?.getTime() ?? -Infinity) - (b.lastAssessedAt?.getTime() ?? -Infinity),
    findings: (a, b) => open(b) - open(a),
    due: (a, b) => (a.reviewDue?.getTime() ?? -Infinity) - (b.reviewDue?.getTime() ?? -Infinity),
  };
  return [...services].sort((a, b) => compare[sort](a, b) || byName(a, b));
}
