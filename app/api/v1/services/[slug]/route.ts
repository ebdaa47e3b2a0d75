import { serviceDetailJson } from "@/lib/api/shapes";
import { slugParam } from "@/lib/api/params";
import { apiJson, apiRoute, parseParam } from "@/lib/api/route";
import { getProgrammeSettings } from "@/lib/data/programme/settings";
import { getService } from "@/lib/data/services/get-service";

/** One service with its latest score, per-factor scores and open findings. */
export const GET = apiRoute<{ slug: string }>(async ({ caller, params }) => {
  const [service, { intervals }] = await Promise.all([getService(caller.principal, parseParam(slugParam, params.slug, "slug")), getProgrammeSettings()]);
  return apiJson(serviceDetailJson(service, { intervals, now: new Date() }));
});
