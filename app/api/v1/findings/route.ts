import { findingJson } from "@/lib/api/shapes";
import { apiJson, apiRoute } from "@/lib/api/route";
import { listFindings } from "@/lib/data/findings/list-findings";
import { FINDINGS_PAGE_SIZE, parseFindingFilter } from "@/lib/findings/filter";

/** The team's findings with the same filters as the findings page (status, severity, service, due, page). */
export const GET = apiRoute(async ({ caller, url }) => {
  const filter = parseFindingFilter(Object.fromEntries(url.searchParams));
  const result = await listFindings(caller.principal, filter);
  return apiJson({
    data: result.rows.map(findingJson),
    pagination: { page: result.page, pageSize: FINDINGS_PAGE_SIZE, total: result.total, pages: result.pages },
  });
});
