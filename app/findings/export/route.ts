import { recordRefusal } from "@/lib/audit/refusal";
import { getPrincipal } from "@/lib/auth/current";
import { exportFindingsCsv } from "@/lib/data/findings/export-findings";
import { parseFindingFilter } from "@/lib/findings/filter";
import { clientAddress } from "@/lib/security/client-address";

/** The findings list as CSV, with the filters of the page that links here. */
export async function GET(request: Request): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal) {
    await recordRefusal(null, "page", "/findings/export");
    return new Response("Not found, or you do not have access to it.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const url = new URL(request.url);
  const filter = parseFindingFilter(Object.fromEntries(url.searchParams));
  const file = await exportFindingsCsv(principal, filter, { ipAddress: clientAddress(request.headers), userAgent: request.headers.get("user-agent") });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Twelvefold-SHA256": file.sha256,
    },
  });
}
