import type { AuditFacets } from "@/lib/data/audit/list-audit-events";
import { auditCategories } from "@/lib/vocabulary/records";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm, TeamFilter } from "@/components/ui/filter-form";

export type AuditFilterValues = Partial<Record<"actor" | "action" | "target" | "category" | "team" | "from" | "to", string>>;

/** The trail's filters: a plain GET form, so every view has an address to share. */
export function AuditFilters({ values, facets }: { values: AuditFilterValues; facets: AuditFacets }) {
  const text = (name: "actor" | "action" | "target") => ({ id: `audit-${name}`, name, type: "search", defaultValue: values[name] });
  return (
    <FilterForm action="/audit" label="Filter the audit trail" submit="Apply filters" className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
      <TextField {...text("actor")} label="Actor" placeholder="email or part of it" />
      <TextField {...text("action")} label="Action" placeholder="e.g. auth. or user.created" list="audit-actions" />
      <datalist id="audit-actions">
        {facets.actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <TextField {...text("target")} label="Target" placeholder="type (user, page) or exact id" />
      <SelectField id="audit-category" name="category" label="Category" value={values.category} all="All categories" options={auditCategories.options} />
      <TeamFilter id="audit-team" value={values.team} all="All teams in view" teams={facets.teams.map((t) => ({ value: t.id, label: t.name }))} />
      <TextField id="audit-from" name="from" label="From (UTC)" type="date" defaultValue={values.from} />
      <TextField id="audit-to" name="to" label="To (UTC, inclusive)" type="date" defaultValue={values.to} />
    </FilterForm>
  );
}
