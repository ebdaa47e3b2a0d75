import { catalogBodySchema, type CatalogBody } from "@/lib/catalog/api-body";
import { authenticateIntegration } from "@/lib/api/integration-auth";
import { apiJson, fromError, parseJsonBody, readCappedText } from "@/lib/api/route";
import { MAX_CATALOG_BYTES } from "@/lib/catalog/limits";
import { planJson } from "@/lib/catalog/report";
import { applyImport, ImportRefusedError, previewImport } from "@/lib/data/catalog/import";
import { requestContextOf } from "@/lib/security/client-address";

async function bodyOf(request: Request): Promise<CatalogBody> {
  const text = await readCappedText(request, MAX_CATALOG_BYTES);
  const type = request.headers.get("content-type") ?? "";
  const url = new URL(request.url);
  // One YAML file as the body, for a quick try with curl; `?apply=true` applies it.
  if (/^(application|text)\/(x-)?yaml\b/i.test(type))
    return { files: [{ path: "catalog-info.yaml", content: text }], apply: url.searchParams.get("apply") === "true" };
  return parseJsonBody(text, catalogBodySchema, "The body is not valid JSON (or send one YAML file with Content-Type: application/yaml).");
}

/**
 * Syncs services from Backstage entity files: previews by default, applies
 * with `apply: true`. The files are the whole catalogue: a managed service
 * whose entity is not among them is marked missing. Apply is all or nothing.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const context = requestContextOf(request.headers);
    const principal = await authenticateIntegration(request, "catalog", context);
    const body = await bodyOf(request);
    const source = { mode: "catalog" as const, files: body.files };
    if (!body.apply) {
      const preview = await previewImport(principal, source);
      return apiJson({ applied: false, ...planJson(preview.plan, preview.digest, preview.teams) });
    }
    // Applied in one pass: the plan it reports is the one it carried out (or refused, changing nothing).
    try {
      const applied = await applyImport(principal, source, { expectedDigest: body.expectedDigest, context });
      return apiJson({ applied: applied.wrote, ...planJson(applied.plan, applied.digest, applied.teams) });
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      const report = planJson(error.preview.plan, error.preview.digest, error.preview.teams);
      return apiJson({ error: { code: "validation_failed", message: error.message }, applied: false, ...report }, 422);
    }
  } catch (error) {
    return fromError(error);
  }
}
