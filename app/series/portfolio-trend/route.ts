import { z } from "zod";
import { seriesRoute } from "@/lib/api/series";
import { getPortfolioTrend } from "@/lib/data/reports/portfolio-trend";

const query = z.object({
  team: z
    .string()
    .regex(/^[a-z0-9-]{1,48}$/)
    .optional(),
  months: z.coerce.number().int().min(1).max(120).default(18),
});

/**
 * The portfolio trend as JSON, month by month, for the signed-in user's teams:
 * what the dashboard's trend charts draw.
 */
export const GET = seriesRoute("/series/portfolio-trend", query, "Use ?team=<team slug> and ?months=<1 to 120>.", async (principal, q) => ({
  months: q.months,
  team: q.team ?? null,
  points: await getPortfolioTrend(principal, { months: q.months, teamSlug: q.team }),
}));
