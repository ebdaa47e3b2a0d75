// Cross-site request forgery, refused at the door: every request that can change
// something (any method but GET, HEAD and OPTIONS) must come from one of
// Twelvefold's own pages. Browsers say where a request comes from in Origin
// (on every POST, same-origin ones included) and in Sec-Fetch-Site; a request
// that says neither, or names another site, is refused with 403 before any
// page, server action or route sees it. Next's own check of server actions
// skips requests without an Origin and answers a foreign one with a 500.
//
// Exempt: the API (/api/v1) and SCIM (/scim/v2), which authenticate each call
// by a bearer token that no browser sends on its own; Auth.js (/api/auth), whose sign-in posts
// carry its own CSRF token; the one-click unsubscribe (/api/unsubscribe), which a mail
// provider POSTs from anywhere (RFC 8058) and which a signed token in its address
// authorises, for one person and one kind of email only; and the health checks (/api/health), which change
// nothing and answer any other method with 405.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const EXEMPT = ["/api/v1/", "/scim/v2/", "/api/auth/", "/api/health/", "/api/unsubscribe"];

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

export function checkOrigin(method: string, path: string, headers: Headers): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase()) || EXEMPT.some((prefix) => path.startsWith(prefix))) return { ok: true };
  // X-Forwarded-Host survives only from a trusted proxy (scripts/client-address.mjs).
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const origin = headers.get("origin");
  if (origin !== null) {
    let from: string | null = null;
    try {
      from = origin === "null" ? null : new URL(origin).host;
    } catch {
      from = null;
    }
    return from !== null && host !== null && from === host ? { ok: true } : { ok: false, reason: "it comes from another site" };
  }
  if (headers.get("sec-fetch-site") === "same-origin") return { ok: true };
  return { ok: false, reason: "it does not say it comes from a Twelvefold page (no Origin header)" };
}
