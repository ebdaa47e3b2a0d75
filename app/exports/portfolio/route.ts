import { z } from "zod";
import { getPrincipal } from "@/lib/auth/current";
import { exportPortfolioPdf } from "@/lib/data/exports/export-portfolio-pdf";
import { downloadResponse, isRefusal, refusedExport } from "@/lib/exports/http";
import { clientAddress } from "@/lib/security/client-address";

/** The portfolio report PDF: ?team=<slug> for one team, else every team the caller may export. */
export async function GET(request: Request): Promise<Response> {
  const principal = await getPrincipal();
  const url = new URL(request.url);
  const team = z.string().regex(/^[a-z0-9-]{1,48}$/).optional().catch(undefined).parse(url.searchParams.get("team") ?? undefined);
  if (!principal) return refusedExport(null, url.pathname);
  try {
    const file = await exportPortfolioPdf(principal, { teamSlug: team }, { origin: url.origin, ipAddress: clientAddress(request.headers), userAgent: request.headers.get("user-agent") });
    return downloadResponse(file, "application/pdf");
  } catch (error) {
    if (isRefusal(error)) return refusedExport(principal, url.pathname, error);
    throw error;
  }
}
