import Link from "next/link";
import { SelectField } from "@/components/ui/field";
import { severities } from "@/lib/vocabulary/levels";
import { FACTOR_NAMES } from "@/lib/checklist/factor-names";
import type { ServicePicker } from "@/lib/data/services/list-service-picker";
import type { FindingFilter } from "@/lib/findings/filter";
import { Button, buttonClass } from "@/components/ui/button";

/** The findings list's filters as a GET form: each view has an address, and the CSV link reuses it. */
export function FindingsFilters({ filter, teams, services }: { filter: FindingFilter; teams: { slug: string; name: string }[]; services: ServicePicker }) {
  return (
    <form method="get" action="/findings" role="search" aria-label="Filter findings" className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
      <SelectField
        id="findings-team"
        name="team"
        label="Team"
        value={filter.team}
        options={[["", "All teams"], ...teams.map((t): [string, string] => [t.slug, t.name])]}
      />
      <SelectField
        id="findings-service"
        name="service"
        label="Service"
        value={filter.service}
        options={[["", "All services"], ...services.options.map((s): [string, string] => [s.slug, s.name])]}
        hint={services.complete ? undefined : "Too many to list: choose a team, apply, then pick one of its services."}
      />
      <SelectField
        id="findings-factor"
        name="factor"
        label="Factor"
        value={filter.factor ? String(filter.factor) : undefined}
        options={[["", "All factors"], ...FACTOR_NAMES.map((name, i): [string, string] => [String(i + 1), `${i + 1}. ${name}`])]}
      />
      <SelectField
        id="findings-severity"
        name="severity"
        label="Severity"
        value={filter.severity}
        options={[["", "All severities"], ...severities.options.map(({ value, label }) => [value, label] as const)]}
      />
      <SelectField
        id="findings-status"
        name="status"
        label="Status"
        value={filter.status === "active" ? "" : filter.status}
        options={[
          ["", "Not resolved"],
          ["open", "Open"],
          ["in_progress", "In progress"],
          ["risk_accepted", "Risk accepted"],
          ["resolved", "Resolved"],
          ["all", "All"],
        ]}
      />
      <SelectField
        id="findings-owner"
        name="owner"
        label="Owner"
        value={filter.owner === "me" || filter.owner === "none" ? filter.owner : undefined}
        options={[
          ["", "Anyone"],
          ["me", "Me"],
          ["none", "Nobody yet"],
        ]}
      />
      <div className="flex items-end">
        <label className="flex items-center gap-2 pb-2 text-sm font-medium">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === true} className="h-4 w-4" /> Overdue only
        </label>
      </div>
      <div className="flex items-end gap-2">
        <input type="hidden" name="sort" value={filter.sort} />
        <input type="hidden" name="dir" value={filter.dir} />
        <Button type="submit">Apply</Button>
        <Link href="/findings" className={buttonClass("quiet", "narrow")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
