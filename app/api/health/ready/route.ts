import { apiJson } from "@/lib/api/route";
import { checkReadiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

/** Readiness: send traffic here only while the database answers (503 otherwise, so a balancer skips this instance). */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return readiness.ready ? apiJson({ status: "ready" }) : apiJson({ status: "not ready", reason: readiness.reason }, 503);
}
