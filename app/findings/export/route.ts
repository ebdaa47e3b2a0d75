import { getPrincipal } from "@/lib/auth/current";
import { exportFindingsCsv, exportFindingsJson } from "@/lib/data/findings/export-findings";
import { exportNeedsPost, isRefusal, refusedExport } from "@/lib/exports/http";
import { parseFindingFilter } from "@/lib/findings/filter";
import { requestContextOf } from "@/lib/security/client-address";

/**
 * The findings list as CSV (or JSON with ?format=json), with the filters of the
 * page whose button posts here. A POST: the export is recorded and audited.
 * Only teams where the caller's role may export are in it; a role that may
 * export nothing (a reviewer) is refused with 403.
 */
export async function POST(request: Request): Promise<Response> {
  const principal = await getPrincipal();
  const url = new URL(request.url);
  if (!principal) return refusedExport(null, url.pathname);
  const filter = parseFindingFilter(Object.fromEntries(url.searchParams));
  const json = url.searchParams.get("format") === "json";
  const context = requestContextOf(request.headers);
  let file;
  try {
    file = await (json ? exportFindingsJson : exportFindingsCsv)(principal, filter, context);
  } catch (error) {
    if (isRefusal(error)) return refusedExport(principal, url.pathname, error);
    throw error;
  }
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

export const GET = exportNeedsPost;
