import { apiJson } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Restart it only when this stops answering. */
export function GET(): Response {
  return apiJson({ status: "live" });
}
