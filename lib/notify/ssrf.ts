// Server-side request forgery: a webhook endpoint is somewhere a lead typed in,
// and the worker sends to it from inside the network. So an endpoint must be
// HTTPS on a public address: loopback, private, link-local (cloud metadata),
// carrier-grade NAT, multicast and reserved addresses are refused, by name at
// registration and again for every address the name resolves to at each send
// (the connection goes to the address that was checked, so a name that
// re-resolves to 127.0.0.1 between check and send gains nothing). Hosts an
// operator lists in WEBHOOK_ALLOWED_HOSTS may be private, and may use plain
// HTTP (an internal relay). Pure: the unit tests hold the table.
import ipaddr from "ipaddr.js";

/** Whether an IP address is on the public internet (ipaddr.js's "unicast" range, v4 or v6; mapped v4 judged as v4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address); // ::ffff:10.0.0.1 becomes 10.0.0.1
  return parsed.range() === "unicast";
}

/** The allowed hosts from WEBHOOK_ALLOWED_HOSTS: lower-case names or addresses, comma-separated. */
export function parseAllowedHosts(value: string | undefined): ReadonlySet<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((h) =>
        h
          .trim()
          .toLowerCase()
          .replace(/^\[|\]$/g, ""),
      )
      .filter(Boolean),
  );
}

// "localhost." is localhost: a trailing dot changes nothing for the resolver, so nothing here either.
const hostOf = (url: URL) =>
  url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.+$/, "");

export type EndpointVerdict = { ok: true; url: URL; allowed: boolean } | { ok: false; reason: string };

/** Whether a URL may be a webhook endpoint, before any name is resolved. */
export function checkEndpointUrl(text: string, allowedHosts: ReadonlySet<string>): EndpointVerdict {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "is not a URL" };
  }
  const host = hostOf(url);
  const allowed = allowedHosts.has(host);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowed)) return { ok: false, reason: "must start with https://" };
  if (url.username || url.password) return { ok: false, reason: "must not carry a user name or password (the signature authenticates each delivery)" };
  if (!host) return { ok: false, reason: "has no host" };
  if (text.length > 2000) return { ok: false, reason: "is longer than 2,000 characters" };
  if (ipaddr.isValid(host) && !allowed && !isPublicAddress(host)) {
    return { ok: false, reason: `points at a private or reserved address (${host}); an administrator may allow it in WEBHOOK_ALLOWED_HOSTS` };
  }
  if (!allowed && (host === "localhost" || host.endsWith(".localhost"))) return { ok: false, reason: "points at this machine (localhost)" };
  return { ok: true, url, allowed };
}

/** The first address of a name that is not public, when the host is not allowed; null when all are fine. */
export function privateAmong(addresses: readonly string[], allowed: boolean): string | null {
  if (allowed) return null;
  return addresses.find((a) => !isPublicAddress(a)) ?? null;
}

/**
 * An endpoint as pages and the audit trail show it: scheme, host and the first
 * path segment only. Many endpoints carry their credential in the path (a Slack
 * or Teams webhook URL is itself the secret), so the rest is never shown again.
 */
export function maskEndpoint(text: string): string {
  try {
    const url = new URL(text);
    const first = url.pathname.split("/").filter(Boolean)[0];
    const more = url.pathname.split("/").filter(Boolean).length > 1 || url.search !== "";
    return `${url.protocol}//${url.host}${first ? `/${first}` : ""}${more ? "/…" : ""}`;
  } catch {
    return "(not a URL)";
  }
}
