import { DataTable, ScrollRegion } from "@/components/ui/data-table";
import { Badge, calloutClass } from "@/components/ui/tone";
import type { PlanJson } from "@/lib/catalog/report";

/** Rows shown per list; the counts above always give the whole. */
const SHOWN = 100;

function Section<T>({
  title,
  caption,
  columns,
  rows,
  row,
}: {
  title: string;
  caption: string;
  columns: string[];
  rows: T[];
  row: (item: T, index: number) => React.ReactNode;
}) {
  if (!rows.length) return null;
  return (
    <section className="border-t border-line-soft">
      <h4 className="px-5 pt-4 text-sm font-semibold">
        {title} ({rows.length})
      </h4>
      <ScrollRegion label={caption}>
        <DataTable caption={caption} columns={columns}>
          {rows.slice(0, SHOWN).map(row)}
        </DataTable>
      </ScrollRegion>
      {rows.length > SHOWN ? <p className="px-5 pb-3 text-sm text-muted">and {rows.length - SHOWN} more, not listed here.</p> : null}
    </section>
  );
}

const cell = "px-3 py-2 align-top";
const first = "px-5 py-2 align-top";
const where = (file: string, line: number) => <span className="whitespace-nowrap font-mono text-xs">{`${file}:${line}`}</span>;

/** What an import would do: counts, then the refused rows first, each with its place. */
export function ImportPreview({ plan, mode }: { plan: PlanJson; mode: "catalog" | "csv" }) {
  const c = plan.counts;
  const parts = [
    `${c.created} to create`,
    `${c.updated} to update`,
    ...(mode === "catalog" ? [`${c.markedMissing} to mark missing from the catalogue`] : []),
    `${c.unchanged} unchanged`,
    ...(c.ignored ? [`${c.ignored} of other kinds passed over`] : []),
  ];
  return (
    <div aria-label="Preview" role="region">
      <div className="px-5 py-4">
        <p className="text-sm font-medium">{parts.join(", ")}.</p>
        {c.refused ? (
          <p className={calloutClass("danger", "mt-3 px-3 py-2")} role="alert">
            {c.refused} {c.refused === 1 ? "row is" : "rows are"} refused. Nothing can be applied until they are fixed: apply is all or nothing.
          </p>
        ) : null}
      </div>
      <Section
        title="Refused"
        caption="Rows refused, with their file, line and reason"
        columns={["Where", "Why"]}
        rows={plan.refused}
        row={(r, i) => (
          <tr key={i}>
            <td className={first}>{where(r.file, r.line)}</td>
            <td className="px-5 py-2 align-top">{r.reason}</td>
          </tr>
        )}
      />
      <Section
        title="To create"
        caption="Services to create"
        columns={["Service", "Team", "Tier", "From"]}
        rows={plan.create}
        row={(r, i) => (
          <tr key={i}>
            <td className={`${first} font-medium`}>{r.name}</td>
            <td className={cell}>{r.team}</td>
            <td className={cell}>{r.tier}</td>
            <td className="px-5 py-2 align-top">{where(r.file, r.line)}</td>
          </tr>
        )}
      />
      <Section
        title="To update"
        caption="Services to update, with what changes"
        columns={["Service", "Team", "Changes", "From"]}
        rows={plan.update}
        row={(r, i) => (
          <tr key={i}>
            <td className={`${first} font-medium`}>{r.name}</td>
            <td className={cell}>{r.team}</td>
            <td className={cell}>{r.changes.join(", ")}</td>
            <td className="px-5 py-2 align-top">{where(r.file, r.line)}</td>
          </tr>
        )}
      />
      <Section
        title="To mark missing from the catalogue"
        caption="Services whose entity is gone from the catalogue: kept, and marked"
        columns={["Service", "Team", "Entity"]}
        rows={plan.markMissing}
        row={(r, i) => (
          <tr key={i}>
            <td className={`${first} font-medium`}>
              {r.name} <Badge tone="warning">missing</Badge>
            </td>
            <td className={cell}>{r.team}</td>
            <td className="px-5 py-2 align-top font-mono text-xs">{r.ref}</td>
          </tr>
        )}
      />
    </div>
  );
}
