import { z } from "zod";
import { apiJson } from "@/lib/api/route";
import { recordRefusal } from "@/lib/audit/refusal";
import { getPrincipal } from "@/lib/auth/current";
import { getPortfolioTrend } from "@/lib/data/reports/portfolio-trend";

const query = z.object({
  team: z.string().regex(/^[a-z0-9-]{1,48}$/).optional(),
  months: z.coerce.number().int().min(1).max(120).default(18),
});

// Per user: no shared cache may keep it.
const json = (body: unknown, status = 200) => apiJson(body, status, { "Cache-Control": "private, no-store" });

/**
 * The portfolio trend as JSON, month by month, for the signed-in user's teams:
 * what the dashboard's trend charts draw. The page renders without waiting for
 * it; the charts ask for it once they are on screen.
 */
export async function GET(request: Request): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal) {
    await recordRefusal(null, "page", "/series/portfolio-trend");
    return json({ error: "Not found, or you do not have access to it." }, 404);
  }
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json({ error: "Use ?team=<team slug> and ?months=<1 to 120>." }, 400);
  const points = await getPortfolioTrend(principal, { months: parsed.data.months, teamSlug: parsed.data.team });
  return json({ months: parsed.data.months, team: parsed.data.team ?? null, points });
}
