import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { findingFilterQuery } from "@/lib/findings/filter";
import { ScrollRegion } from "@/components/ui/data-table";
import { formatDay } from "@/components/ui/format";
import type { Principal } from "@/lib/auth/policy";
import { comparePeriods, type Period } from "@/lib/data/reports/compare-periods";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { scoreChange, signedChange } from "@/lib/scoring/mean";

/** A period's dates; one that has not ended yet says its figures are so far. */
const label = (p: Period, today: string) => `${formatDay(p.from)} – ${formatDay(p.to)}${p.to >= today ? " (so far)" : ""}`;

function delta(a: number | null, b: number | null, higherIsBetter: boolean) {
  const d = scoreChange(a, b);
  if (d === null) return null;
  if (d === 0) return <span className="text-muted">±0</span>;
  const good = higherIsBetter ? d > 0 : d < 0;
  return <span className={good ? "text-success" : "text-danger"}>{signedChange(d)}</span>;
}

/** Two periods side by side: where each ended, and what happened in it. */
export async function PeriodComparison({ principal, periods, now = new Date() }: { principal: Principal; periods: [Period, Period]; now?: Date }) {
  const [a, b] = await comparePeriods(principal, periods);
  const today = now.toISOString().slice(0, 10);
  // Opened and resolved count findings by date, so each leads to the list of exactly those findings.
  const opened = (p: Period) => `/findings${findingFilterQuery({ status: "all", openedFrom: p.from, openedTo: p.to })}`;
  const resolved = (p: Period) => `/findings${findingFilterQuery({ status: "all", resolvedFrom: p.from, resolvedTo: p.to })}`;
  const rows: [string, number | null, number | null, boolean, ((p: Period) => string)?][] = [
    ["Score at the end", a!.scoreAtEnd, b!.scoreAtEnd, true],
    ["Unresolved findings at the end", a!.unresolvedAtEnd, b!.unresolvedAtEnd, false],
    ["Assessments completed", a!.assessmentsCompleted, b!.assessmentsCompleted, true],
    ["Findings opened", a!.findingsOpened, b!.findingsOpened, false, opened],
    ["Findings resolved", a!.findingsResolved, b!.findingsResolved, true, resolved],
  ];
  const figure = (name: string, value: number | null, period: Period, href?: (p: Period) => string) =>
    href && value !== null ? (
      <Link
        href={href(period)}
        className="inline-block min-h-6 min-w-6 text-link underline"
        aria-label={`${value} ${name.toLowerCase()}, ${label(period, today)}`}
      >
        {value}
      </Link>
    ) : (
      (value ?? "—")
    );
  return (
    <Card>
      <CardHeader title="Period comparison" description="This quarter against the last, or any two periods you choose." />
      <ScrollRegion label="Period comparison figures">
        <table className="w-full text-sm">
          <caption className="sr-only">Figures for two periods and the change between them</caption>
          <thead className="border-b border-line text-left text-muted">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">
                Measure
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {label(a!.period, today)}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {label(b!.period, today)}
              </th>
              <th scope="col" className="px-5 py-2 text-right font-medium">
                Change
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line-soft tabular-nums">
            {rows.map(([name, x, y, higherIsBetter, href]) => (
              <tr key={name}>
                <th scope="row" className="px-5 py-2 text-left font-normal">
                  {name}
                </th>
                <td className="px-3 py-2 text-right">{figure(name, x, a!.period, href)}</td>
                <td className="px-3 py-2 text-right">{figure(name, y, b!.period, href)}</td>
                <td className="px-5 py-2 text-right">{delta(x, y, higherIsBetter) ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <details className="border-t border-line px-5 py-3 text-sm">
        <summary className="cursor-pointer font-medium text-link">Choose the periods</summary>
        <form method="get" action="/" className="mt-3 grid gap-3 sm:grid-cols-4 sm:items-end">
          {(
            [
              ["aFrom", "First from", a!.period.from],
              ["aTo", "First to", a!.period.to],
              ["bFrom", "Second from", b!.period.from],
              ["bTo", "Second to", b!.period.to],
            ] as const
          ).map(([name, text, value]) => (
            <div key={name}>
              <Label htmlFor={`period-${name}`}>{text}</Label>
              <Input id={`period-${name}`} name={name} type="date" required defaultValue={value} />
            </div>
          ))}
          <Button type="submit" className="sm:col-span-4 sm:justify-self-start">
            Compare
          </Button>
        </form>
      </details>
    </Card>
  );
}
