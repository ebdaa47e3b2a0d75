import { exportAssessmentPdf } from "@/lib/data/exports/export-assessment-pdf";
import { downloadResponse, downloadRoute } from "@/lib/exports/http";

/** The assessment's report as a PDF download, recorded for verification. */
export const GET = downloadRoute(async ({ principal, id, context }) =>
  downloadResponse(await exportAssessmentPdf(principal, { assessmentId: id }, context), "application/pdf"),
);
