import { getPrincipal } from "@/lib/auth/current";
import { verifyExport } from "@/lib/data/exports/verify-export";

/**
 * The verification page as JSON, for scripts: GET /verify/<sha256>. It names an
 * export only to those who may read its records; anything else is "unknown".
 */
export async function GET(_request: Request, { params }: { params: Promise<{ sha256: string }> }): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal) return Response.json({ error: { code: "not_found", message: "Not found, or you do not have access to it." } }, { status: 404 });
  const sha256 = (await params).sha256.toLowerCase();
  const result = await verifyExport(principal, sha256);
  return Response.json({ sha256, ...result }, { headers: { "Cache-Control": "private, no-store" } });
}
