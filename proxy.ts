import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { checkActionRequest, isActionRequest, isFormPost } from "@/lib/security/action-request";
import { contentSecurityPolicy, createNonce, DOWNLOAD_POLICY, HSTS, isDownloadPath } from "@/lib/security/headers";
import { checkOrigin } from "@/lib/security/origin";
import { addressHasNul, pathDecodes } from "@/lib/security/request-path";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// The API (/api/v1) and SCIM (/scim/v2) authenticate every request by its bearer token themselves and
// answer in JSON, never with a redirect to a page. The health checks
// (/api/health/live, /ready) are for load balancers and reveal no record.
// The unsubscribe page and its one-click address (RFC 8058) are reached from an email, with no session; a signed token decides.
const PUBLIC_PATHS = ["/sign-in", "/api/auth/", "/api/v1/", "/api/health/", "/scim/v2/", "/unsubscribe", "/api/unsubscribe"];

// Runs before every page: a per-request CSP nonce (Next applies it to its own
// scripts), HSTS when the request arrived over HTTPS, and a plain redirect to
// the sign-in page for visitors without a session cookie. Whether a session is
// valid is decided on the server for every page, action and data call; this
// only spares anonymous visitors a page render. A path or a server action call
// Next could not decode is refused here with a 4xx (Next would answer 500).
/** The longest query string Twelvefold reads (a findings filter with every field is under 1 KB). */
const MAX_QUERY_LENGTH = 8192;

export async function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const nonce = createNonce();
  const path = request.nextUrl.pathname;
  // A file download keeps its sandbox: the page policy would let a rendered file run the app's scripts.
  const policy = isDownloadPath(path) ? DOWNLOAD_POLICY : contentSecurityPolicy(nonce, { development: getEnv().NODE_ENV === "development", https });

  // No form, filter or API call needs a longer address; a longer one would be echoed back whole by a redirect.
  if (request.nextUrl.search.length > MAX_QUERY_LENGTH) return refused(414, "its address is longer than any Twelvefold takes", policy, https);
  if (!pathDecodes(path)) return refused(400, "its address does not decode", policy, https);
  // Next's own trailing-slash redirect is off (next.config.ts) so that it comes after the length check above.
  if (path.length > 1 && path.endsWith("/")) {
    const to = new URL(request.url);
    to.pathname = path.replace(/\/+$/, "") || "/";
    return withPolicy(NextResponse.redirect(to, 308), policy, https);
  }
  if (addressHasNul(request.nextUrl)) return refused(400, "its address contains a NUL character", policy, https);
  const isPublic = PUBLIC_PATHS.some((prefix) => path === prefix || path.startsWith(prefix));
  if (!isPublic && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return withPolicy(NextResponse.redirect(new URL("/sign-in", request.url)), policy, https);
  }

  // Anything that can change something must come from one of our own pages (lib/security/origin.ts).
  const origin = checkOrigin(request.method, path, request.headers);
  if (!origin.ok) return refused(403, origin.reason, policy, https);

  // Route handlers (/api, /scim, downloads) read their own bodies; pages hand theirs to Next's action decoder.
  if (!path.startsWith("/api/") && !path.startsWith("/scim/") && !isDownloadPath(path) && (isActionRequest(request) || isFormPost(request))) {
    const refusal = await checkActionRequest(request);
    if (refusal) return refused(refusal.status, refusal.reason, policy, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/** A plain-text 4xx for a request no page or form of Twelvefold makes. */
function withPolicy(response: NextResponse, policy: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

function refused(status: number, reason: string, policy: string, https: boolean): NextResponse {
  const response = new NextResponse(`Twelvefold cannot read this request: ${reason}.`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": policy },
  });
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      // Tool outputs (up to 100 MB) go to their import route unbuffered: Next copies the body of every
      // request the proxy sees into memory, and cuts it at 10 MB. That route is a bearer-token API route,
      // which authenticates, caps and validates for itself (app/api/v1/services/[slug]/evidence/imports).
      // Only a well-formed slug skips the proxy: an address that does not decode is still refused here.
      source: "/((?!_next/static|_next/image|favicon.ico|screenshots/|api/v1/services/[a-z0-9-]+/evidence/imports$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
