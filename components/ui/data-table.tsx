export interface Column {
  label: string;
  align?: "left" | "right";
}

/** A table with a screen-reader caption and a header row; rows come as children. */
export function DataTable({ caption, columns, children }: { caption: string; columns: Column[]; children: React.ReactNode }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-line text-left text-muted">
        <tr>
          {columns.map((column, index) => (
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
