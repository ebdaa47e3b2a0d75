import Link from "next/link";
import { fieldClass, labelClass, SelectField } from "@/components/ui/form";

export interface ServiceFilterValues {
  q?: string;
  team?: string;
  tier?: string;
}

/** Search and filters as a GET form: every view of the list has an address. */
export function ServiceFilters({ values, teams }: { values: ServiceFilterValues; teams: { slug: string; name: string }[] }) {
  return (
    <form method="get" action="/services" role="search" aria-label="Filter services" className="mb-6 grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
      <div>
        <label htmlFor="services-q" className={labelClass}>Search</label>
        <input id="services-q" name="q" type="search" defaultValue={values.q} placeholder="Service name" className={fieldClass} />
      </div>
      <SelectField id="services-team" name="team" label="Team" value={values.team} options={[["", "All teams"], ...teams.map((t) => [t.slug, t.name] as const)]} />
      <SelectField
        id="services-tier"
        name="tier"
        label="Tier"
        value={values.tier}
        options={[["", "All tiers"], ["critical", "Critical"], ["high", "High"], ["medium", "Medium"], ["low", "Low"]]}
      />
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700">Filter</button>
        <Link href="/services" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">Clear</Link>
      </div>
    </form>
  );
}
