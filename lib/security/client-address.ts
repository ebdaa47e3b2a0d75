/**
 * The client's address. The web process (scripts/web.mjs) has already replaced
 * X-Forwarded-For with the one address it can believe: the connection's own, or
 * behind proxies named in TRUSTED_PROXIES the nearest untrusted one
 * (scripts/client-address.mjs). A client cannot choose it.
 */
export function clientAddress(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

/** Where a request came from, as the data layer records it: the client's address and agent. */
export function requestContextOf(headers: Headers): { ipAddress: string | null; userAgent: string | null } {
  return { ipAddress: clientAddress(headers), userAgent: headers.get("user-agent") };
}
