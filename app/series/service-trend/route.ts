import { z } from "zod";
import { seriesRoute } from "@/lib/api/series";
import { slugParam } from "@/lib/api/params";
import { getServiceTrend } from "@/lib/data/reports/service-report";

const query = z.object({
  service: slugParam,
  team: z
    .string()
    .regex(/^[a-z0-9-]{1,48}$/)
    .optional(),
});

/**
 * One service's history as JSON: its score at each completed assessment and
 * its unresolved findings by severity at each approval. What the service
 * report's charts draw.
 */
export const GET = seriesRoute("/series/service-trend", query, "Use ?service=<service slug>&team=<team slug>.", async (principal, q) => ({
  service: q.service,
  ...(await getServiceTrend(principal, { slug: q.service, teamSlug: q.team })),
}));
