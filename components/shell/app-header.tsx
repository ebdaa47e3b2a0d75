import Link from "next/link";
import { canBrowseAuditTrail, mayManageTokens, type Principal } from "@/lib/auth/policy";
import { NavLinks, NavMenu } from "./nav-links";
import { UserMenu } from "./user-menu";
import { ThemeMenu } from "./theme-menu";
import { NotificationBell } from "./notification-bell";
import type { Theme } from "./theme";

const shownTo = (principal: Principal) => ({ showAdmin: principal.isAdmin, showAudit: canBrowseAuditTrail(principal), showTokens: mayManageTokens(principal) });

export function AppHeader({ theme, principal, unread = 0 }: { theme: Theme; principal: Principal | null; unread?: number }) {
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-white/90 backdrop-blur dark:bg-slate-900/90">
      <div className="relative mx-auto flex h-14 w-full max-w-7xl items-center gap-3 px-4 sm:gap-6 sm:px-6 lg:px-8">
        <Link href="/" aria-label="Twelvefold" className="flex items-center gap-2 font-semibold tracking-tight">
          <Logo />
          <span className="hidden sm:inline lg:hidden 2xl:inline">Twelvefold</span>
        </Link>
        {principal ? <NavMenu {...shownTo(principal)} /> : null}
        {principal ? <NavLinks {...shownTo(principal)} /> : null}
        <div className="ml-auto flex items-center gap-2">
          {principal ? <NotificationBell unread={unread} /> : null}
          <ThemeMenu current={theme} />
          {principal ? <UserMenu name={principal.name} email={principal.email} /> : null}
        </div>
      </div>
    </header>
  );
}

function Logo() {
  // Twelve segments of a ring: one per factor.
  return (
    <svg viewBox="0 0 32 32" className="h-7 w-7" aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-indigo-600" />
      {Array.from({ length: 12 }, (_, i) => (
        <rect key={i} x="15" y="5" width="2" height="6" rx="1" className="fill-white" opacity={i < 9 ? 1 : 0.45} transform={`rotate(${i * 30} 16 16)`} />
      ))}
    </svg>
  );
}
