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
