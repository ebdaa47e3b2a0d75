import "server-only";
import type { z } from "zod";
import { authenticateIntegration } from "../api/integration-auth";
import { ApiError } from "../api/errors";
import { readCappedText } from "../api/route";
import type { Principal } from "../auth/policy";
import type { ScimContext } from "../data/scim/common";
import { createLogger } from "../log";
import { requestContextOf } from "../security/client-address";
import { decodeJson } from "../text/decode-json";
import { MAX_PAGE, SCIM_CONTENT_TYPE, ScimError, scimErrorBody } from "./resources";

const log = createLogger("web");
export const MAX_SCIM_BODY = 1024 * 1024;

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": SCIM_CONTENT_TYPE, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
  });
}

function errorResponse(error: unknown): Response {
  if (error instanceof ScimError) return scimJson(scimErrorBody(error.status, error.message, error.scimType), error.status);
  if (error instanceof ApiError) {
    const status = error.code === "payload_too_large" ? 413 : 401;
    return scimJson(scimErrorBody(status, error.message), status, status === 401 ? { "WWW-Authenticate": 'Bearer realm="twelvefold-scim"' } : {});
  }
  const id = crypto.randomUUID();
  log.error({ err: error, errorId: id }, "SCIM request failed");
  return scimJson(scimErrorBody(500, `Something went wrong on our side (error ${id}). Nothing was changed.`), 500);
}

export interface ScimRequest<P> {
  principal: Principal;
  request: Request;
  url: URL;
  params: P;
  context: ScimContext;
}

/**
 * A SCIM endpoint (RFC 7644): the identity provider's integration token, checked
 * on every request; errors as SCIM error bodies with their status and scimType,
 * never a stack trace.
 */
export function scimRoute<P = Record<string, never>>(handler: (scim: ScimRequest<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const url = new URL(request.url);
      const where = requestContextOf(request.headers);
      const principal = await authenticateIntegration(request, "scim", where);
      const token = principal.integration!;
      const context: ScimContext = {
        base: `${url.origin}/scim/v2`,
        now: new Date(),
        ...where,
        actorId: principal.userId,
        actorLabel: `SCIM token ${token.prefix}… "${token.name}" of ${principal.email}`,
      };
      return await handler({ principal, request, url, params: await route.params, context });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The body as JSON, validated: not JSON (or nested without bound) is invalidSyntax, not the schema invalidValue (with where). */
export async function readScimBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const decoded = decodeJson(await readCappedText(request, MAX_SCIM_BODY), schema);
  if (decoded.ok) return decoded.data;
  if (decoded.reason !== "invalid") throw new ScimError(400, decoded.message, "invalidSyntax");
  throw new ScimError(400, decoded.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "), "invalidValue");
}

/** RFC 7644 §3.4.2.4 paging: 1-based startIndex, count capped at MAX_PAGE; out-of-range values are taken as the nearest allowed. */
export function scimPage(url: URL): { startIndex: number; count: number } {
  const number = (name: string, fallback: number) => {
    const raw = url.searchParams.get(name);
    const value = raw === null ? fallback : Number.parseInt(raw, 10);
    return Number.isFinite(value) ? value : fallback;
  };
  return { startIndex: Math.max(1, number("startIndex", 1)), count: Math.min(MAX_PAGE, Math.max(0, number("count", 100))) };
}

/** The filter parameter, if any, at most 1,000 characters. */
export function scimFilter(url: URL): string | undefined {
  const filter = url.searchParams.get("filter") ?? undefined;
  if (filter && filter.length > 1000) throw new ScimError(400, "The filter is longer than 1,000 characters.", "invalidFilter");
  return filter || undefined;
}
