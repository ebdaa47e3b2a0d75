import { serviceSummaryJson } from "@/lib/api/shapes";
import { pageQuery } from "@/lib/api/params";
import { apiJson, apiRoute, paged, parseParam, readJson } from "@/lib/api/route";
import { getProgrammeSettings } from "@/lib/data/programme/settings";
import { listServiceSummaries } from "@/lib/data/services/list-service-summaries";
import { createService } from "@/lib/data/services/manage-services";
import { serviceFieldsSchema } from "@/lib/services/schemas";

/** The services of the token's team, by name, a page at a time. */
export const GET = apiRoute(async ({ caller, url }) => {
  const page = parseParam(pageQuery, Object.fromEntries(url.searchParams), "query");
  const [all, { intervals }] = await Promise.all([listServiceSummaries(caller.principal), getProgrammeSettings()]);
  const start = (page.page - 1) * page.pageSize;
  const cadence = { intervals, now: new Date() };
  return apiJson(
    paged(
      all.slice(start, start + page.pageSize).map((s) => serviceSummaryJson(s, cadence)),
      page,
      all.length,
    ),
  );
});

/** Adds a service to the token's team (a "submit evidence" token may, as a reviewer may). */
export const POST = apiRoute(async ({ caller, request, url }) => {
  const body = await readJson(request, serviceFieldsSchema);
  const created = await createService(caller.principal, { ...body, teamId: caller.token.teamId });
  return apiJson({ id: created.id, slug: created.slug }, 201, { Location: `${url.origin}/api/v1/services/${created.slug}` });
});
