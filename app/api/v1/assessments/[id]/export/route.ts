import { exportFormatQuery, idParam } from "@/lib/api/params";
import { apiRoute, parseParam } from "@/lib/api/route";
import { exportAssessmentData } from "@/lib/data/exports/export-assessment-data";
import { exportAssessmentPdf } from "@/lib/data/exports/export-assessment-pdf";
import { downloadResponse } from "@/lib/exports/http";

const CONTENT_TYPES = { pdf: "application/pdf", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

/** An assessment's export (?format=pdf, csv or json), recorded and verifiable like one from the UI. Needs a "read" token. */
export const GET = apiRoute<{ id: string }>(async ({ caller, params, url, context }) => {
  const assessmentId = parseParam(idParam, params.id, "id");
  const format = parseParam(exportFormatQuery, url.searchParams.get("format") ?? undefined, "format");
  const file =
    format === "pdf"
      ? await exportAssessmentPdf(caller.principal, { assessmentId }, context)
      : await exportAssessmentData(caller.principal, { assessmentId, format }, context);
  return downloadResponse(file, CONTENT_TYPES[format]);
});
