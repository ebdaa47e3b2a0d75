import { SelectField, TextField } from "@/components/ui/field";
import { severities } from "@/lib/vocabulary/levels";
import { FACTOR_NAMES } from "@/lib/checklist/factor-names";
import type { ServicePicker } from "@/lib/data/services/list-service-picker";
import type { FindingFilter } from "@/lib/findings/filter";
import { bySlug, FilterForm, TeamFilter } from "@/components/ui/filter-form";
import { findingStatuses } from "@/lib/vocabulary/findings";

const DATES = [
  ["openedFrom", "Opened from"],
  ["openedTo", "Opened until (inclusive)"],
  ["resolvedFrom", "Resolved from"],
  ["resolvedTo", "Resolved until (inclusive)"],
] as const;

const OWNER_CHOICES = [
  { value: "me", label: "Me" },
  { value: "none", label: "Nobody yet" },
];

/** The findings list's filters as a GET form: each view has an address, and the CSV link reuses it. */
export function FindingsFilters({ filter, teams, services }: { filter: FindingFilter; teams: { slug: string; name: string }[]; services: ServicePicker }) {
  return (
    <FilterForm
      action="/findings"
      label="Filter findings"
      keep={{ sort: filter.sort, dir: filter.dir }}
      className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <TeamFilter id="findings-team" value={filter.team} teams={teams.map(bySlug)} />
      <SelectField
        id="findings-service"
        name="service"
        label="Service"
        value={filter.service}
        all="All services"
        options={services.options.map(bySlug)}
        hint={services.complete ? undefined : "Too many to list: choose a team, apply, then pick one of its services."}
      />
      <SelectField
        id="findings-factor"
        name="factor"
        label="Factor"
        value={filter.factor ? String(filter.factor) : undefined}
        all="All factors"
        options={FACTOR_NAMES.map((name, i) => ({ value: String(i + 1), label: `${i + 1}. ${name}` }))}
      />
      <SelectField id="findings-severity" name="severity" label="Severity" value={filter.severity} all="All severities" options={severities.options} />
      <SelectField
        id="findings-status"
        name="status"
        label="Status"
        value={filter.status === "active" ? "" : filter.status}
        all="Not resolved"
        options={[{ value: "working", label: "Open or in progress" }, ...findingStatuses.options, { value: "all", label: "All" }]}
      />
      <SelectField
        id="findings-owner"
        name="owner"
        label="Owner"
        value={filter.owner === "me" || filter.owner === "none" ? filter.owner : undefined}
        all="Anyone"
        options={OWNER_CHOICES}
      />
      <div className="flex items-end">
        <label className="flex items-center gap-2 pb-2 text-sm font-medium">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === true} className="h-4 w-4" /> Overdue only
        </label>
      </div>
      <details open={DATES.some(([name]) => filter[name]) || undefined} className="text-sm sm:col-span-2 lg:col-span-4">
        <summary className="cursor-pointer py-1 font-medium text-link">Opened or resolved between dates</summary>
        <div className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {DATES.map(([name, label]) => (
            <TextField key={name} id={`findings-${name}`} name={name} label={label} type="date" defaultValue={filter[name]} />
          ))}
        </div>
      </details>
    </FilterForm>
  );
}
