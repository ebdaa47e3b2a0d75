import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { cookies } from "next/headers";
import { AppHeader } from "@/components/shell/app-header";
import { THEME_COOKIE, parseTheme } from "@/components/shell/theme";
import { getPrincipal } from "@/lib/auth/current";
import { unreadCount } from "@/lib/data/notifications/inbox";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Twelvefold", template: "%s · Twelvefold" },
  description: "Per-service posture against the security addendum to the Twelve-Factor App, with the evidence to prove it.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [theme, principal] = await Promise.all([parseTheme((await cookies()).get(THEME_COOKIE)?.value), getPrincipal()]);
  const unread = principal ? await unreadCount(principal) : 0;
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable} ${theme}`}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        <AppHeader theme={theme} principal={principal} unread={unread} />
        <main id="main" className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
          {children}
        </main>
      </body>
    </html>
  );
}
