"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SECTIONS } from "@/lib/navigation";

export function NavLinks({ showAdmin, showAudit, showTokens }: { showAdmin: boolean; showAudit: boolean; showTokens: boolean }) {
  const pathname = usePathname();
  const shown: Record<string, boolean> = { "/admin": showAdmin, "/audit": showAudit, "/tokens": showTokens };
  const links = Object.values(SECTIONS).filter((link) => shown[link.href] ?? true);
  return (
    <nav aria-label="Main" className="flex items-center gap-1 overflow-x-auto">
      {links.map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${
              active
                ? "bg-subtle text-slate-900 dark:text-white"
                : "text-slate-600 hover:bg-subtle hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
