import Link from "next/link";
import { fieldClass, labelClass as label, SelectField } from "@/components/ui/form";
import type { AuditFacets } from "@/lib/data/audit/list-audit-events";
import { auditCategories } from "@/lib/vocabulary/records";


function TextFilter(props: { name: "actor" | "action" | "target"; label: string; placeholder: string; value?: string; list?: string }) {
  return (
    <div>
      <label htmlFor={`audit-${props.name}`} className={label}>{props.label}</label>
      <input
        id={`audit-${props.name}`}
        name={props.name}
        type="search"
        list={props.list}
        defaultValue={props.value}
        placeholder={props.placeholder}
        className={fieldClass}
      />
    </div>
  );
}

export type AuditFilterValues = Partial<Record<"actor" | "action" | "target" | "category" | "team" | "from" | "to", string>>;

/** The trail's filters: a plain GET form, so every view has an address to share. */
export function AuditFilters({ values, facets }: { values: AuditFilterValues; facets: AuditFacets }) {
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter the audit trail" className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
      <TextFilter name="actor" label="Actor" placeholder="email or part of it" value={values.actor} />
      <TextFilter name="action" label="Action" placeholder="e.g. auth. or user.created" value={values.action} list="audit-actions" />
      <datalist id="audit-actions">
        {facets.actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <TextFilter name="target" label="Target" placeholder="type (user, page) or exact id" value={values.target} />
      <SelectField
        id="audit-category"
        name="category"
        label="Category"
        value={values.category}
        options={[["", "All categories"], ...auditCategories.options.map(({ value, label }) => [value, label] as const)]}
      />
      <SelectField id="audit-team" name="team" label="Team" value={values.team} options={[["", "All teams in view"], ...facets.teams.map((t) => [t.id, t.name] as const)]} />
      <div>
        <label htmlFor="audit-from" className={label}>From (UTC)</label>
        <input id="audit-from" name="from" type="date" defaultValue={values.from} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="audit-to" className={label}>To (UTC, inclusive)</label>
        <input id="audit-to" name="to" type="date" defaultValue={values.to} className={fieldClass} />
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700">
          Apply filters
        </button>
        <Link href="/audit" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          Clear
        </Link>
      </div>
    </form>
  );
}
