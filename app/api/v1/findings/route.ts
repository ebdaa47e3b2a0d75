import { findingJson } from "@/lib/api/shapes";
import { pageQuery } from "@/lib/api/params";
import { apiJson, apiRoute, parseParam } from "@/lib/api/route";
import { listFindings } from "@/lib/data/findings/list-findings";
import { parseFindingFilter } from "@/lib/findings/filter";

/**
 * The team's findings with the same filters as the findings page (status,
 * severity, service, overdue), a page at a time: `page` and `pageSize` (50 by
 * default, up to 100). Paging that is not a whole number in range is a 422.
 */
export const GET = apiRoute(async ({ caller, url }) => {
  const query = url.searchParams;
  const paging = parseParam(pageQuery, { page: query.get("page") ?? undefined, pageSize: query.get("pageSize") ?? undefined }, "query");
  const filter = { ...parseFindingFilter(Object.fromEntries(query)), page: paging.page };
  const result = await listFindings(caller.principal, filter, new Date(), paging.pageSize);
  return apiJson({
    data: result.rows.map(findingJson),
    pagination: { page: result.page, pageSize: paging.pageSize, total: result.total, pages: result.pages },
  });
});
