import { slugParam } from "@/lib/api/params";
import { apiJson, apiRoute, parseParam } from "@/lib/api/route";
import { driftJson } from "@/lib/api/shapes";
import { getService } from "@/lib/data/services/get-service";
import { listOpenDrifts } from "@/lib/data/services/drift";

/**
 * A service's open drifts: approved answers that evidence submitted since no
 * longer agrees with (contradicted, or a cited line changed), newest first. What
 * a pipeline reads after submitting, to fail a build or open a ticket.
 */
export const GET = apiRoute<{ slug: string }>(async ({ caller, params }) => {
  const service = await getService(caller.principal, parseParam(slugParam, params.slug, "slug"));
  const drifts = await listOpenDrifts(caller.principal, new Date(), service.id);
  return apiJson({ service: service.slug, approvedScore: service.latestScore, currentScore: service.currentScore, data: drifts.map(driftJson) });
});
