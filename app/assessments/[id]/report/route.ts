import { z } from "zod";
import { getPrincipal } from "@/lib/auth/current";
import { exportAssessmentPdf } from "@/lib/data/exports/export-assessment-pdf";
import { downloadResponse, isRefusal, refusedExport } from "@/lib/exports/http";
import { clientAddress } from "@/lib/security/client-address";

/** The assessment's report as a PDF download, recorded for verification. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const principal = await getPrincipal();
  const url = new URL(request.url);
  const id = z.uuid().safeParse((await params).id);
  if (!principal || !id.success) return refusedExport(principal, url.pathname);
  try {
    const file = await exportAssessmentPdf(principal, { assessmentId: id.data }, {
      origin: url.origin,
      ipAddress: clientAddress(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    return downloadResponse(file, "application/pdf");
  } catch (error) {
    if (isRefusal(error)) return refusedExport(principal, url.pathname, error);
    throw error;
  }
}
