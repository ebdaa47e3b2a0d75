import { pageQuery, slugParam } from "@/lib/api/params";
import { apiJson, apiRoute, paged, parseParam } from "@/lib/api/route";
import { assessmentSummaryJson } from "@/lib/api/shapes";
import { getService } from "@/lib/data/services/get-service";

/** A service's assessments, newest first, a page at a time. */
export const GET = apiRoute<{ slug: string }>(async ({ caller, params, url }) => {
  const page = parseParam(pageQuery, Object.fromEntries(url.searchParams), "query");
  const service = await getService(caller.principal, parseParam(slugParam, params.slug, "slug"));
  const start = (page.page - 1) * page.pageSize;
  const rows = service.assessments.slice(start, start + page.pageSize).map(assessmentSummaryJson);
  return apiJson(paged(rows, page, service.assessments.length));
});
