// Address-safe names for teams and services: "Platform & Infra" becomes
// "platform-infra". Addresses use them, so they are fixed at creation.

export const SLUG_MAX = 48;

export function slugFor(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, "");
  return slug || "untitled";
}

/** The slug itself if free, else the first of slug-2, slug-3… that is. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
