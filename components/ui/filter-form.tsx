import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, type Option } from "@/components/ui/field";

/**
 * A list's filters as a GET form, so that every view of the list has an address
 * to share; it ends with the submit button and a link that clears every filter.
 * `keep` carries what the form does not show (the sort order) into the next view.
 */
export function FilterForm({
  action,
  label,
  submit = "Apply",
  keep = {},
  className,
  children,
}: {
  action: string;
  label: string;
  submit?: string;
  keep?: Record<string, string>;
  className: string;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className={className}>
      {children}
      <div className="flex items-end gap-2">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button type="submit">{submit}</Button>
        <Link href={action} className={buttonClass("quiet", "narrow")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

/** A list's team filter: teams as options, and "" for every team the list shows. */
export function TeamFilter({ id, value, teams, all = "All teams" }: { id: string; value?: string; teams: readonly Option[]; all?: string }) {
  return <SelectField id={id} name="team" label="Team" value={value} all={all} options={teams} />;
}

/** A team or service as an option chosen by its slug, the way list addresses name them. */
export const bySlug = (record: { slug: string; name: string }): Option => ({ value: record.slug, label: record.name });
