/**
 * The client's address as the proxy in front reports it. Trusts the first
 * X-Forwarded-For value: behind a proxy that does not set it, a client can
 * choose it (see the README's known limits).
 */
export function clientAddress(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}
