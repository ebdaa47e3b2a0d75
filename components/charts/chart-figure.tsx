import Link from "next/link";

/** A figure of the table; one with an address leads to the records it counts. */
export type FigureCell = string | number | null | { text: string | number; href: string; label: string };

const cell = (value: FigureCell) =>
  value !== null && typeof value === "object" ? (
    <Link href={value.href} aria-label={value.label} className="inline-block min-h-6 text-link underline">
      {value.text}
    </Link>
  ) : (
    (value ?? "—")
  );

/**
 * A chart with its numbers: a caption, the drawing (hidden from screen
 * readers, which get the table), and the same figures as a table to open.
 */
export function ChartFigure({
  title,
  summary,
  chart,
  columns,
  rows,
}: {
  title: string;
  summary: string;
  chart: React.ReactNode;
  columns: string[];
  rows: FigureCell[][];
}) {
  return (
    <figure className="px-5 py-4">
      <figcaption className="text-sm text-muted">{summary}</figcaption>
      <div aria-hidden="true" className="mt-3 text-slate-500 dark:text-slate-400">
        {chart}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-link">Show the numbers</summary>
        {/* A scrolling region takes the keyboard's focus, so it can be scrolled without a mouse. */}
        <div className="mt-2 max-h-72 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: the numbers`}>
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="text-left text-muted">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="py-1 pr-3 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((value, j) => (
                    <td key={j} className="py-0.5 pr-3">
                      {cell(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
