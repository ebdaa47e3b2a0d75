import { Card, CardHeader } from "./card";

/** A column by its heading; numbers are aligned right, so they are given as `{ label, align: "right" }`. */
export type Column = string | { label: string; align: "left" | "right" };

/** A table with a screen-reader caption and a header row; rows come as children. */
export function DataTable({ caption, columns, children }: { caption: string; columns: Column[]; children: React.ReactNode }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-line text-left text-muted">
        <tr>
          {columns
            .map((column) => (typeof column === "string" ? { label: column, align: "left" } : column))
            .map((column, index) => (
              <th
                key={column.label}
                scope="col"
                className={`py-3 font-medium ${index === 0 || index === columns.length - 1 ? "px-5" : "px-3"} ${column.align === "right" ? "text-right" : ""}`}
              >
                {column.label}
              </th>
            ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-line-soft">{children}</tbody>
    </table>
  );
}

/**
 * A card holding a table, under an optional header, one row per item (`row`
 * renders each as a keyed <tr>). With no items it shows `empty` instead of the
 * table: in the card under its header, or (a card with no header) alone.
 */
export function TableCard<T>({
  header,
  caption,
  columns,
  items,
  row,
  empty,
  className = "",
}: {
  /** The card's title and description, above the table. */
  header?: { title: string; description?: string };
  caption: string;
  columns: Column[];
  items: readonly T[];
  row: (item: T) => React.ReactNode;
  empty?: React.ReactNode;
  className?: string;
}) {
  const table =
    items.length === 0 && empty !== undefined ? (
      empty
    ) : (
      <ScrollRegion label={caption}>
        <DataTable caption={caption} columns={columns}>
          {items.map(row)}
        </DataTable>
      </ScrollRegion>
    );
  if (!header && items.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <Card className={className}>
      {header ? <CardHeader {...header} /> : null}
      {table}
    </Card>
  );
}

/**
 * A region that scrolls sideways when what it holds is wider than the screen
 * (a table on a phone): it takes the keyboard's focus, so it can be scrolled
 * without a mouse, and is named for screen readers.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
