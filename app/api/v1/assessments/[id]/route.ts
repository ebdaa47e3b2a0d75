import { idParam } from "@/lib/api/params";
import { assessmentJson } from "@/lib/api/shapes";
import { apiJson, apiRoute, parseParam } from "@/lib/api/route";
import { getAssessment } from "@/lib/data/assessments/get-assessment";

/** One assessment with every answer, and where each machine-suggested answer came from. */
export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => {
  const assessment = await getAssessment(caller.principal, parseParam(idParam, params.id, "id"));
  return apiJson(assessmentJson(assessment));
});
