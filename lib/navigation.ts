// The app's sections: where each lives, what the main navigation calls it, and
// the title its page opens with (its heading and the browser's tab). The
// navigation lists them in this order; the shell spec visits every one.
export const SECTIONS = {
  dashboard: { href: "/", label: "Dashboard", title: "Portfolio" },
  work: { href: "/work", label: "My work", title: "My work" },
  services: { href: "/services", label: "Services", title: "Services" },
  findings: { href: "/findings", label: "Findings", title: "Findings" },
  campaigns: { href: "/campaigns", label: "Campaigns", title: "Campaigns" },
  audit: { href: "/audit", label: "Audit trail", title: "Audit trail" },
  exports: { href: "/exports", label: "Exports", title: "Your exports" },
  tokens: { href: "/tokens", label: "API tokens", title: "API tokens" },
  verify: { href: "/verify", label: "Verify", title: "Verify an export" },
  admin: { href: "/admin", label: "Admin", title: "Administration" },
} as const;

export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];
