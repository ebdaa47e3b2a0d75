import { z } from "zod";
import { exportAssessmentData } from "@/lib/data/exports/export-assessment-data";
import { downloadResponse, downloadRoute, exportNeedsPost } from "@/lib/exports/http";

/** Every item and answer of an assessment: ?format=csv (the default) or ?format=json. A POST: it makes a record. */
export const POST = downloadRoute(async ({ principal, id, url, context }) => {
  const format = z
    .enum(["csv", "json"])
    .catch("csv")
    .parse(url.searchParams.get("format") ?? "csv");
  const file = await exportAssessmentData(principal, { assessmentId: id, format }, context);
  return downloadResponse(file, format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
});

export const GET = exportNeedsPost;
