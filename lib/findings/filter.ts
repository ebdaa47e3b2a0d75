// The findings list's filters, sort and page as they arrive in the address bar
// (the list page and its CSV export read the same). Unknown or malformed values
// are dropped rather than failing the page.
import { z } from "zod";
import { findingStatuses } from "../vocabulary/findings";
import { severities } from "../vocabulary/levels";

/**
 * The figures of findings the app shows, each defined once, with the list view
 * that holds exactly the findings it counts.
 */
export const FINDING_FIGURES = {
  open: { label: "Open findings", definition: "Open or in progress: being worked on. Accepted risks are not counted.", view: { status: "working" } },
  unresolved: { label: "Unresolved findings", definition: "Everything not resolved: open, in progress, or accepted as a risk.", view: { status: "active" } },
  acceptedRisk: { label: "Accepted risks", definition: "Risk accepted until a date; they reopen by themselves after it.", view: { status: "risk_accepted" } },
  overdue: { label: "Overdue findings", definition: "Open or in progress, past their remediation due date.", view: { overdue: true } },
} as const;

export const FINDING_SORTS = ["due", "severity", "opened", "service"] as const;
export const FINDINGS_PAGE_SIZE = 50;

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const findingFilterSchema = z.object({
  team: lenient(z.string().regex(/^[a-z0-9-]{1,48}$/)),
  service: lenient(z.string().regex(/^[a-z0-9-]{1,48}$/)),
  factor: lenient(z.coerce.number().int().min(1).max(12)),
  severity: lenient(severities.schema),
  /**
   * "active" (the default) is everything not resolved (the figure called
   * unresolved); "working" is open or in progress (the figure called open);
   * "all" includes resolved. See FINDING_FIGURES.
   */
  status: z
    .enum([...findingStatuses.values, "active", "working", "all"])
    .catch("active")
    .default("active"),
  /** "me", "none", or a user id. */
  owner: lenient(z.union([z.literal("me"), z.literal("none"), z.uuid()])),
  overdue: lenient(z.enum(["1"]).transform(() => true as const)),
  /** Opened or resolved within these days (UTC, both inclusive): what a period's figures count. */
  openedFrom: lenient(z.iso.date()),
  openedTo: lenient(z.iso.date()),
  resolvedFrom: lenient(z.iso.date()),
  resolvedTo: lenient(z.iso.date()),
  /** Not yet resolved as this day ended (UTC), whatever happened since: what a trend's point counts. */
  unresolvedOn: lenient(z.iso.date()),
  sort: z.enum(FINDING_SORTS).catch("due").default("due"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type FindingFilter = z.infer<typeof findingFilterSchema>;

/** Parses search params (string or string[] values) into a filter. */
export function parseFindingFilter(params: Record<string, string | string[] | undefined>): FindingFilter {
  const one = Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined || first === "" ? [] : [[key, first]];
    }),
  );
  return findingFilterSchema.parse(one);
}

/** The address of a view of the list, leaving defaults out. */
export function findingFilterQuery(filter: Partial<FindingFilter>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue;
    if (
      (key === "status" && value === "active") ||
      (key === "sort" && value === "due") ||
      (key === "dir" && value === "asc") ||
      (key === "page" && value === 1)
    )
      continue;
    query.set(key, value === true ? "1" : String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

const DAY = 86_400_000;

/** A day's first instant (UTC), and the first instant after a last day: the bounds of an inclusive range of days. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const dayAfter = (day: string): Date => new Date(dayStart(day).getTime() + DAY);
