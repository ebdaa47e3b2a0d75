import { exportAssessmentPdf } from "@/lib/data/exports/export-assessment-pdf";
import { downloadResponse, downloadRoute, exportNeedsPost } from "@/lib/exports/http";

/** The assessment's report as a PDF download, recorded for verification. A POST: it makes a record. */
export const POST = downloadRoute(async ({ principal, id, context }) =>
  downloadResponse(await exportAssessmentPdf(principal, { assessmentId: id }, context), "application/pdf"),
);

export const GET = exportNeedsPost;
