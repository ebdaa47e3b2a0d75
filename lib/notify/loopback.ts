// Whether a host name or address is this machine (a local relay needs no TLS).
import ipaddr from "ipaddr.js";

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  return ipaddr.isValid(h) && ipaddr.process(h).range() === "loopback";
}
