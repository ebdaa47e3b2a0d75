// A path whose percent-escapes do not decode (a lone "%", an escaped lone
// surrogate such as "%ED%A0%80") cannot name any page or record. Next fails on
// one in a dynamic segment with a bare 500; proxy.ts answers 400 instead.

/** Whether every percent-escape in `pathname` decodes to UTF-8 text. */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the address carries a NUL (%00) in its path or query. No page or
 * record is named with one, and Postgres refuses it in text: refused at the edge
 * with a 400, before any page or route hands it to a query.
 */
export function addressHasNul(url: URL): boolean {
  if (/%00/.test(url.pathname)) return true;
  for (const [key, value] of url.searchParams) if (key.includes("\u0000") || value.includes("\u0000")) return true;
  return false;
}
