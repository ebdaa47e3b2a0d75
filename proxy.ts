import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, createNonce, HSTS } from "@/lib/security/headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// The API (/api/v1) authenticates every request by its bearer token itself and
// answers in JSON, never with a redirect to a page. The health checks
// (/api/health/live, /ready) are for load balancers and reveal no record.
const PUBLIC_PATHS = ["/sign-in", "/api/auth/", "/api/v1/", "/api/health/"];

// Runs before every page: a per-request CSP nonce (Next applies it to its own
// scripts), HSTS when the request arrived over HTTPS, and a plain redirect to
// the sign-in page for visitors without a session cookie. Whether a session is
// valid is decided on the server for every page, action and data call; this
// only spares anonymous visitors a page render.
export function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: getEnv().NODE_ENV === "development", https });

  const path = request.nextUrl.pathname;
  const isPublic = PUBLIC_PATHS.some((prefix) => path === prefix || path.startsWith(prefix));
  if (!isPublic && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const response = NextResponse.redirect(new URL("/sign-in", request.url));
    response.headers.set("Content-Security-Policy", policy);
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|screenshots/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
