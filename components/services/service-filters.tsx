import { SelectField, TextField } from "@/components/ui/field";
import { bySlug, FilterForm, TeamFilter } from "@/components/ui/filter-form";
import { tiers } from "@/lib/vocabulary/levels";
import { SERVICE_SORTS } from "@/lib/services/sort";

export interface ServiceFilterValues {
  q?: string;
  team?: string;
  tier?: string;
  sort?: string;
}

/** Search and filters as a GET form: every view of the list has an address. */
export function ServiceFilters({ values, teams }: { values: ServiceFilterValues; teams: { slug: string; name: string }[] }) {
  return (
    <FilterForm
      action="/services"
      label="Filter services"
      submit="Filter"
      className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1.4fr_auto] sm:items-end"
    >
      <TextField id="services-q" name="q" label="Search" type="search" defaultValue={values.q} placeholder="Service name" />
      <TeamFilter id="services-team" value={values.team} teams={teams.map(bySlug)} />
      <SelectField id="services-tier" name="tier" label="Tier" value={values.tier} all="All tiers" options={tiers.options} />
      <SelectField id="services-sort" name="sort" label="Sort by" value={values.sort ?? "name"} options={SERVICE_SORTS} />
    </FilterForm>
  );
}
