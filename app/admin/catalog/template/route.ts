import { getPrincipal } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { csvTemplate } from "@/lib/catalog/csv";

/** The CSV import's template: its header and two example rows, for the admins who import. */
export async function GET(): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal || !can(principal, "admin.manage", "org")) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(csvTemplate(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="twelvefold-services-template.csv"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
