// A machine's suggested answer for an item, as the walk, the report and the
// API show it: what it suggests, why, where from and when; and, once a reviewer
// has decided, whether they accepted or overrode it.
import type { ResponseStatus } from "../vocabulary/answers";
import type { Observation } from "./schema";
import type { ResponseStatus as DbResponseStatus } from "../generated/prisma/enums";
import { answerStatuses, asAnswered } from "../vocabulary/answers";

export interface Suggestion {
  evidenceId: string;
  status: Exclude<ResponseStatus, "unanswered">;
  summary: string;
  observations: Observation[];
  source: string;
  /** The API token it came through, by name, if it still exists. */
  via: string | null;
  submittedAt: Date;
}

export interface DecidedSuggestion extends Suggestion {
  outcome: "accepted" | "overridden";
  decidedBy: string | null;
  decidedAt: Date | null;
}

export function suggestionFrom(row: {
  id: string;
  status: DbResponseStatus;
  summary: string;
  observations: unknown;
  source: string;
  submittedAt: Date;
  token: { name: string } | null;
}): Suggestion {
  return {
    evidenceId: row.id,
    status: asAnswered(answerStatuses.fromDb(row.status)),
    summary: row.summary,
    observations: Array.isArray(row.observations) ? (row.observations as Observation[]) : [],
    source: row.source,
    via: row.token?.name ?? null,
    submittedAt: row.submittedAt,
  };
}

/** One line saying where an answer came from, for the record (pages, PDF). */
export function provenanceLine(d: {
  outcome: "accepted" | "overridden";
  source: string;
  status: Suggestion["status"];
  decidedBy: string | null;
  decidedAt: Date | null;
}): string {
  const who = d.decidedBy ?? "a former user";
  const when = d.decidedAt ? ` on ${d.decidedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
  const suggested = d.status.replace("_", " ");
  return d.outcome === "accepted"
    ? `Machine-suggested (${suggested}) by ${d.source}; accepted by ${who}${when}.`
    : `${d.source} suggested ${suggested}; overridden by ${who}${when}.`;
}
