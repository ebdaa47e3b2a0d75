// Who is on the other end of a request, decided once per request before Next
// sees it. X-Forwarded-For, X-Forwarded-Proto and X-Forwarded-Host are believed
// only from the proxies named in TRUSTED_PROXIES (addresses or CIDRs; also
// loopback, linklocal, uniquelocal), with `proxy-addr` (Express's resolver):
// the client is the nearest address in the chain that is not a trusted proxy,
// and with no trusted proxies it is the connection's own address. The result
// replaces X-Forwarded-For, so everything after (throttles, audit events)
// reads one address nobody can choose. Plain JavaScript: runs before any loader.
import http from "node:http";
import https from "node:https";
import proxyaddr from "proxy-addr";

const FORWARDED = ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded"];

/** A trust function from TRUSTED_PROXIES' text; throws on an entry that is not an address, CIDR or known name. */
export function trustFrom(setting) {
  const entries = (setting ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.length ? proxyaddr.compile(entries) : () => false;
}

/** Rewrites the request's forwarding headers to what can be believed. */
export function stampClient(req, trust) {
  const peer = req.socket?.remoteAddress ?? "";
  const client = proxyaddr(req, trust);
  if (!trust(peer, 0)) for (const name of FORWARDED) delete req.headers[name];
  delete req.headers["x-real-ip"];
  if (client) req.headers["x-forwarded-for"] = client;
  else delete req.headers["x-forwarded-for"];
}

/** Wraps every HTTP(S) server this process creates (Next's among them) so each request is stamped first. */
export function installClientAddress(setting) {
  const trust = trustFrom(setting);
  for (const mod of [http, https]) {
    const create = mod.createServer;
    mod.createServer = function createServer(...args) {
      const index = args.findIndex((a) => typeof a === "function");
      if (index >= 0) {
        const listener = args[index];
        args[index] = function stamped(req, res) {
          stampClient(req, trust);
          return listener.call(this, req, res);
        };
      }
      return create.apply(this, args);
    };
  }
}
