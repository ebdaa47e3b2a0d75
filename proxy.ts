import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, createNonce, HSTS } from "@/lib/security/headers";

// Runs before every page: a per-request CSP nonce (Next applies it to its own
// scripts), and HSTS when the request arrived over HTTPS.
export function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: getEnv().NODE_ENV === "development", https });

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
