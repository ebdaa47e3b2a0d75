import Link from "next/link";

/** Whose trends the charts below show: every team in view, or one. */
export function TrendScope({ teams, current }: { teams: { slug: string; name: string }[]; current?: string }) {
  if (teams.length < 2) return null;
  const options = [{ slug: undefined, name: "All teams" }, ...teams];
  return (
    <nav aria-label="Trends for" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-muted">Trends for</span>
      {options.map((team) => {
        const active = team.slug === current;
        return (
          <Link
            key={team.slug ?? "all"}
            href={team.slug ? `/?team=${team.slug}` : "/"}
            aria-current={active ? "true" : undefined}
            scroll={false}
            className={`rounded-full px-3 py-1 font-medium ${active ? "bg-indigo-600 text-white" : "bg-surface text-slate-700 ring-1 ring-field hover:bg-slate-50 dark:text-slate-200"}`}
          >
            {team.name}
          </Link>
        );
      })}
    </nav>
  );
}
