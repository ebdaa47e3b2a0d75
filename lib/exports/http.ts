import "server-only";
import { z } from "zod";
import { recordRefusal } from "../audit/refusal";
import { getPrincipal } from "../auth/current";
import type { Principal } from "../auth/policy";
import { BusyError, ForbiddenError, NotFoundError } from "../data/errors";
import { requestContextOf } from "../security/client-address";

export interface DownloadRequest {
  principal: Principal;
  /** The record's id from the path, a valid UUID. */
  id: string;
  url: URL;
  context: { origin: string; ipAddress: string | null; userAgent: string | null };
}

/**
 * A GET route handler that downloads something of one record (`/…/[id]/…`):
 * anonymous callers, malformed ids and the data layer's refusals all get the
 * same audited refusal; anything unexpected goes to the error handler.
 */
export function downloadRoute(make: (request: DownloadRequest) => Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const principal = await getPrincipal();
    const url = new URL(request.url);
    const id = z.uuid().safeParse((await params).id);
    if (!principal || !id.success) return refusedExport(principal, url.pathname);
    try {
      const context = { origin: url.origin, ...requestContextOf(request.headers) };
      return await make({ principal, id: id.data, url, context });
    } catch (error) {
      if (isRefusal(error)) return refusedExport(principal, url.pathname, error);
      if (error instanceof BusyError) return busy(error);
      throw error;
    }
  };
}

/**
 * The answer to a GET on a route that makes an export: making one records it and
 * audits it, so it takes a POST from the page's own button (proxy.ts checks the
 * POST came from a Twelvefold page); a link, or an image on another site, cannot.
 */
export function exportNeedsPost(): Response {
  return new Response("An export is made with its page's download button (a POST), not by opening this address.", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** 429: allowed, but too much is under way; says when to try again. */
export function busy(error: BusyError): Response {
  return new Response(error.message, { status: 429, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(error.retryAfterSeconds) } });
}

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** An export as a download: never rendered inline, never cached, named and hashed in headers. */
export function downloadResponse(file: { bytes: Buffer; fileName: string; exportId: string; sha256: string }, contentType: string): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Twelvefold-Export": file.exportId,
      "X-Twelvefold-SHA256": file.sha256,
    },
  });
}

/** A refused or missing export, audited: 403 to those who may read but not export, 404 otherwise. */
export async function refusedExport(principal: Principal | null, path: string, error?: unknown): Promise<Response> {
  await recordRefusal(principal, "page", path);
  return error instanceof ForbiddenError ? text("Your role does not allow exports.", 403) : text("Not found, or you do not have access to it.", 404);
}

export function isRefusal(error: unknown): boolean {
  return error instanceof NotFoundError || error instanceof ForbiddenError;
}
