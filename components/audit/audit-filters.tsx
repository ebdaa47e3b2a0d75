import Link from "next/link";
import type { AuditFacets } from "@/lib/data/audit/list-audit-events";
import { auditCategories } from "@/lib/vocabulary/records";
import { Button, buttonClass } from "@/components/ui/button";
import { Input, Label, SelectField } from "@/components/ui/field";

function TextFilter(props: { name: "actor" | "action" | "target"; label: string; placeholder: string; value?: string; list?: string }) {
  return (
    <div>
      <Label htmlFor={`audit-${props.name}`}>{props.label}</Label>
      <Input id={`audit-${props.name}`} name={props.name} type="search" list={props.list} defaultValue={props.value} placeholder={props.placeholder} />
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
      <SelectField
        id="audit-team"
        name="team"
        label="Team"
        value={values.team}
        options={[["", "All teams in view"], ...facets.teams.map((t) => [t.id, t.name] as const)]}
      />
      <div>
        <Label htmlFor="audit-from">From (UTC)</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div>
        <Label htmlFor="audit-to">To (UTC, inclusive)</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="flex items-end gap-3">
        <Button type="submit">Apply filters</Button>
        <Link href="/audit" className={buttonClass("quiet", "narrow")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
