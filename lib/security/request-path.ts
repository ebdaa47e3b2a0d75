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
