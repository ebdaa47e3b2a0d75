import { slugParam } from "@/lib/api/params";
import { apiJson, apiRoute, parseParam, readJson } from "@/lib/api/route";
import { submitEvidence } from "@/lib/data/evidence/submit-evidence";
import { evidenceSubmissionSchema } from "@/lib/evidence/schema";

/**
 * Evidence a pipeline observed for a service's items. Each result becomes a
 * suggested answer, with its source and time, in the assessment under way or
 * the next one; a reviewer accepts or overrides it.
 */
export const POST = apiRoute<{ slug: string }>(async ({ caller, params, request, context }) => {
  const slug = parseParam(slugParam, params.slug, "slug");
  const body = await readJson(request, evidenceSubmissionSchema);
  const result = await submitEvidence(caller.principal, { serviceSlug: slug, ...body }, context);
  return apiJson(result, 201);
});
