import { LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { signOutEverywhere } from "@/app/sign-in/actions";

export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <div className="flex items-center gap-3">
      <Link
        href="/account"
        aria-label={`Your account: ${name}, ${email}`}
        className="hidden rounded-md px-2 py-1 text-right text-xs leading-tight hover:bg-subtle sm:block"
      >
        <div className="font-medium text-slate-900 dark:text-slate-100">{name}</div>
        <div className="text-muted">{email}</div>
      </Link>
      <Link
        href="/account"
        aria-label="Your account"
        className="inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-600 hover:bg-subtle sm:hidden dark:text-slate-300"
      >
        <UserRound className="h-4 w-4" aria-hidden="true" />
      </Link>
      <form action={signOutEverywhere}>
        <button
          type="submit"
          className="inline-flex h-9 items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 text-sm font-medium text-slate-600 hover:bg-subtle dark:text-slate-300"
        >
          <LogOut className="h-4 w-4" aria-hidden="true" />
          <span className="sr-only sm:not-sr-only">Sign out</span>
        </button>
      </form>
    </div>
  );
}
