// Where to send someone after signing in: only a path on this site, and only in a
// form an HTTP Location header can carry. The URL parser decides what the
// browser would make of it (it drops tabs and newlines, so "/\t/evil.test" is
// "//evil.test", another site), and anything that leaves this origin, or is not
// printable ASCII once parsed, becomes "/".
import { cleanText } from "../text/clean";

const BASE = "http://twelvefold.invalid";

export function safeDestination(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(cleanText(value), BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const destination = `${url.pathname}${url.search}${url.hash}`;
  return destination.startsWith("/") && !destination.startsWith("//") && /^[\x21-\x7e]*$/.test(destination) ? destination : "/";
}
