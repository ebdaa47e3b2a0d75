import { z } from "zod";
import { slugParam } from "@/lib/api/params";
import { apiJson, apiRoute, parseParam, readCappedBytes } from "@/lib/api/route";
import { importEvidence } from "@/lib/data/evidence/import-evidence";
import { MAX_IMPORT_BYTES } from "@/lib/evidence/imports/parse";

const nameParam = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f/\\]+$/, "a file name without a path")
  .nullable();

/**
 * A tool's output as evidence: the body is the file itself (SARIF 2.1.0,
 * CycloneDX 1.4–1.6 or SPDX 2.3 JSON, OpenSSF Scorecard JSON, npm audit --json,
 * OSV-Scanner JSON), at most 100 MB. `?name=` keeps the file's name. The route is
 * left out of proxy.ts's matcher, so the body streams here unbuffered.
 */
export const POST = apiRoute<{ slug: string }>(async ({ caller, params, request, url, context }) => {
  const slug = parseParam(slugParam, params.slug, "slug");
  const fileName = parseParam(nameParam, url.searchParams.get("name"), "name");
  const bytes = () => readCappedBytes(request, MAX_IMPORT_BYTES);
  const result = await importEvidence(caller.principal, { serviceSlug: slug, bytes, fileName }, context);
  return apiJson(result, 201);
});
