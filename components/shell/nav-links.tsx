"use client";

import { Menu, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { SECTIONS } from "@/lib/navigation";

interface Shown {
  showAdmin: boolean;
  showAudit: boolean;
  showTokens: boolean;
}

function useSections({ showAdmin, showAudit, showTokens }: Shown) {
  const pathname = usePathname();
  const shown: Record<string, boolean> = { "/admin": showAdmin, "/audit": showAudit, "/tokens": showTokens };
  return Object.values(SECTIONS)
    .filter((section) => shown[section.href] ?? true)
    .map((section) => ({ ...section, active: section.href === "/" ? pathname === "/" : pathname.startsWith(section.href) }));
}

const linkClass = (active: boolean) =>
  `whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors ${
    active ? "bg-subtle text-slate-900 dark:text-white" : "text-slate-600 hover:bg-subtle hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
  }`;

/** The main navigation in the header, on screens wide enough to hold it in a row. */
export function NavLinks(props: Shown) {
  return (
    <nav aria-label="Main" className="hidden items-center gap-1 overflow-x-auto lg:flex">
      {useSections(props).map((section) => (
        <Link key={section.href} href={section.href} aria-current={section.active ? "page" : undefined} className={linkClass(section.active)}>
          {section.label}
        </Link>
      ))}
    </nav>
  );
}

/** The main navigation behind a menu button, on narrower screens (a phone at 360 px and up). */
export function NavMenu(props: Shown) {
  const [open, setOpen] = useState(false);
  const sections = useSections(props);
  return (
    <div className="lg:hidden" onKeyDown={(event) => (event.key === "Escape" ? setOpen(false) : undefined)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen(!open)}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-subtle dark:text-slate-200"
      >
        {open ? <X className="h-4 w-4" aria-hidden="true" /> : <Menu className="h-4 w-4" aria-hidden="true" />}
        Menu
      </button>
      {open ? (
        <nav id="main-menu" aria-label="Main" className="absolute inset-x-0 top-14 border-b border-line bg-surface px-4 py-3 shadow-md">
          <ul className="grid gap-1 sm:grid-cols-2">
            {sections.map((section) => (
              <li key={section.href}>
                <Link
                  href={section.href}
                  aria-current={section.active ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={`block ${linkClass(section.active)}`}
                >
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
