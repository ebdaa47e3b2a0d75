import { z } from "zod";
import { slugParam } from "@/lib/api/params";
import { ApiError } from "@/lib/api/errors";
import { apiJson, apiRoute, bodyChunks, parseParam } from "@/lib/api/route";
import { importEvidence } from "@/lib/data/evidence/import-evidence";
import { ImportStalled, ImportTooLarge, MAX_IMPORT_BYTES } from "@/lib/evidence/imports/parse";

const tooLarge = `Send at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; a larger SARIF file can be split by run.`;

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
 * left out of proxy.ts's matcher, so the body streams here unbuffered and SARIF
 * is parsed as it arrives.
 */
export const POST = apiRoute<{ slug: string }>(async ({ caller, params, request, url, context }) => {
  const slug = parseParam(slugParam, params.slug, "slug");
  const fileName = parseParam(nameParam, url.searchParams.get("name"), "name");
  if (Number(request.headers.get("content-length") ?? "0") > MAX_IMPORT_BYTES) throw new ApiError("payload_too_large", tooLarge);
  try {
    const stalled = new AbortController();
    const result = await importEvidence(
      caller.principal,
      { serviceSlug: slug, body: bodyChunks(request, stalled.signal), fileName, onStall: () => stalled.abort() },
      context,
    );
    return apiJson(result, 201);
  } catch (error) {
    if (error instanceof ImportTooLarge) throw new ApiError("payload_too_large", tooLarge);
    if (error instanceof ImportStalled) throw new ApiError("request_timeout", error.message);
    throw error;
  }
});
