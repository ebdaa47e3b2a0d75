import { z } from "zod";
import { getPrincipal } from "@/lib/auth/current";
import { exportAssessmentData } from "@/lib/data/exports/export-assessment-data";
import { downloadResponse, isRefusal, refusedExport } from "@/lib/exports/http";
import { clientAddress } from "@/lib/security/client-address";

/** Every item and answer of an assessment: ?format=csv (the default) or ?format=json. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const principal = await getPrincipal();
  const url = new URL(request.url);
  const id = z.uuid().safeParse((await params).id);
  const format = z.enum(["csv", "json"]).catch("csv").parse(url.searchParams.get("format") ?? "csv");
  if (!principal || !id.success) return refusedExport(principal, url.pathname);
  try {
    const file = await exportAssessmentData(principal, { assessmentId: id.data, format }, { ipAddress: clientAddress(request.headers), userAgent: request.headers.get("user-agent") });
    return downloadResponse(file, format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
  } catch (error) {
    if (isRefusal(error)) return refusedExport(principal, url.pathname, error);
    throw error;
  }
}
