import { recordRefusal } from "@/lib/audit/refusal";
import { getPrincipal } from "@/lib/auth/current";
import { exportFindingsCsv, exportFindingsJson } from "@/lib/data/findings/export-findings";
import { parseFindingFilter } from "@/lib/findings/filter";
import { clientAddress } from "@/lib/security/client-address";

/** The findings list as CSV (or JSON with ?format=json), with the filters of the page that links here. */
export async function GET(request: Request): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal) {
    await recordRefusal(null, "page", "/findings/export");
    return new Response("Not found, or you do not have access to it.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const url = new URL(request.url);
  const filter = parseFindingFilter(Object.fromEntries(url.searchParams));
  const json = url.searchParams.get("format") === "json";
  const context = { ipAddress: clientAddress(request.headers), userAgent: request.headers.get("user-agent") };
  const file = await (json ? exportFindingsJson : exportFindingsCsv)(principal, filter, context);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Twelvefold-SHA256": file.sha256,
    },
  });
}
