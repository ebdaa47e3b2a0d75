import "server-only";
import { z } from "zod";
import { BusyError, ForbiddenError, NotFoundError, ValidationError } from "../data/errors";
import { createLogger } from "../log";
import { decodeJson } from "../text/decode-json";
import { requestContextOf } from "../security/client-address";
import { authenticateApiRequest, type ApiCaller } from "./authenticate";
import { API_ERRORS, ApiError, errorBody, type ApiErrorCode } from "./errors";

const log = createLogger("web");

export interface ApiContext<P> {
  caller: ApiCaller;
  request: Request;
  url: URL;
  params: P;
  context: { origin: string; ipAddress: string | null; userAgent: string | null };
}

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
  });
}

/** RFC 6750: a 401 names the scheme it wants, and whether the token sent was the problem. */
const CHALLENGE: Partial<Record<ApiErrorCode, string>> = {
  unauthorized: 'Bearer realm="twelvefold"',
  token_expired: 'Bearer realm="twelvefold", error="invalid_token", error_description="The token has expired"',
  token_revoked: 'Bearer realm="twelvefold", error="invalid_token", error_description="The token has been revoked"',
};

export function apiErrorResponse(code: ApiErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}): Response {
  const challenge = CHALLENGE[code];
  return apiJson(errorBody(code, message, details), API_ERRORS[code], challenge ? { "WWW-Authenticate": challenge, ...headers } : headers);
}

export function fromError(error: unknown): Response {
  if (error instanceof ApiError) return apiErrorResponse(error.code, error.message, error.details, error.headers);
  if (error instanceof NotFoundError) return apiErrorResponse("not_found", "Not found, or this token has no access to it.");
  if (error instanceof ForbiddenError) return apiErrorResponse("forbidden", "This token's role does not allow this.");
  if (error instanceof ValidationError) return apiErrorResponse("validation_failed", error.message, error.fieldErrors);
  if (error instanceof BusyError) return apiErrorResponse("rate_limited", error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  const id = crypto.randomUUID();
  log.error({ err: error, errorId: id }, "API request failed");
  return apiErrorResponse("internal", `Something went wrong on our side (error ${id}). Nothing was changed.`);
}

/**
 * An API route handler: authenticates the token (and counts and records the
 * use), runs the handler with the token's principal, and turns every failure
 * into the API's JSON error. The data layer checks the principal again.
 */
export function apiRoute<P = Record<string, never>>(handler: (api: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const url = new URL(request.url);
      const context = { origin: url.origin, ...requestContextOf(request.headers) };
      const caller = await authenticateApiRequest(request, context);
      let response: Response;
      try {
        response = await handler({ caller, request, url, params: await route.params, context });
      } catch (error) {
        response = fromError(error);
      }
      for (const [name, value] of Object.entries(caller.rateLimit)) response.headers.set(name, value);
      return response;
    } catch (error) {
      return fromError(error);
    }
  };
}

/**
 * The body as text, read as it streams and refused once it passes `max` bytes,
 * whatever Content-Length claims (or when there is none): a large body is never held whole.
 */
export async function readCappedText(request: Request, max: number): Promise<string> {
  return new TextDecoder().decode(await readCappedBytes(request, max));
}

/** The body's bytes, read as it streams and refused once it passes `max` (see readCappedText). */
async function readCappedBytes(request: Request, max: number): Promise<Buffer> {
  const tooLarge = () => new ApiError("payload_too_large", `Send at most ${Math.round(max / 1024 / 1024)} MB.`);
  if (Number(request.headers.get("content-length") ?? "0") > max) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as its chunks arrive, for a reader that parses as it goes; stopping early cancels the upload. */
export async function* bodyChunks(request: Request, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  // Aborted (an upload that stalled): the pending read ends and the body is let go.
  signal?.addEventListener("abort", () => void reader.cancel().catch(() => undefined), { once: true });
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/** Problems in zod's words, as the API reports them: where, and what is wrong. */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** A JSON text, validated; malformed or invalid text is refused with details. */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S, notJson = "The body is not valid JSON."): z.infer<S> {
  const decoded = decodeJson(text, schema);
  if (decoded.ok) return decoded.data;
  if (decoded.reason === "invalid") throw new ApiError("validation_failed", "The body does not match the schema; see details.", issuesOf(decoded.error));
  throw new ApiError("validation_failed", decoded.reason === "not_json" ? notJson : decoded.message);
}

/** The request's JSON body (at most MAX_BODY_BYTES, counted as it streams), validated; too large, malformed or invalid bodies are refused with details. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return parseJsonBody(await readCappedText(request, MAX_BODY_BYTES), schema);
}

/** A value from the path or query, validated. */
export function parseParam<S extends z.ZodType>(schema: S, value: unknown, name: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(
      "validation_failed",
      `Check ${name}.`,
      issuesOf(parsed.error).map((i) => ({ ...i, path: i.path ? `${name}.${i.path}` : name })),
    );
  return parsed.data;
}

/** One page of a list, with where it sits in the whole. */
export function paged<T>(items: T[], page: { page: number; pageSize: number }, total = items.length) {
  return { data: items, pagination: { page: page.page, pageSize: page.pageSize, total, pages: Math.max(1, Math.ceil(total / page.pageSize)) } };
}
