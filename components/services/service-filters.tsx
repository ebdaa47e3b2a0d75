import Link from "next/link";
import { SelectField } from "@/components/ui/field";
import { Button, buttonClass } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";

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
        <Label htmlFor="services-q">Search</Label>
        <Input id="services-q" name="q" type="search" defaultValue={values.q} placeholder="Service name" />
      </div>
      <SelectField
        id="services-team"
        name="team"
        label="Team"
        value={values.team}
        options={[["", "All teams"], ...teams.map((t) => [t.slug, t.name] as const)]}
      />
      <SelectField
        id="services-tier"
        name="tier"
        label="Tier"
        value={values.tier}
        options={[
          ["", "All tiers"],
          ["critical", "Critical"],
          ["high", "High"],
          ["medium", "Medium"],
          ["low", "Low"],
        ]}
      />
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Link href="/services" className={buttonClass("quiet", "narrow")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
