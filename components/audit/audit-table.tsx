import { DataTable } from "@/components/ui/data-table";
import type { AuditEventRow } from "@/lib/data/audit/list-audit-events";

const timestamp = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

const CATEGORY_STYLE: Record<AuditEventRow["category"], string> = {
  security: "bg-indigo-50 text-indigo-800 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800",
  access: "bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800",
  change: "bg-subtle text-slate-700 ring-field dark:text-slate-200",
};

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div>
      <div className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</div>
      <pre className="mt-1 max-w-xl overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** Events newest first; each row's details hold before, after, client and hash. */
export function AuditTable({ events }: { events: AuditEventRow[] }) {
  return (
    <DataTable
      caption="Audit events, newest first"
      columns={[{ label: "When (UTC)" }, { label: "Event" }, { label: "Actor" }, { label: "Team" }, { label: "Target" }, { label: "Details" }]}
    >
      {events.map((event) => (
        <tr key={event.id} className="align-top">
          <td className="whitespace-nowrap px-5 py-3 tabular-nums">
            <time dateTime={event.occurredAt.toISOString()}>{timestamp.format(event.occurredAt)}</time>
          </td>
          <td className="px-3 py-3">
            <span className={`mr-2 inline-flex rounded px-1.5 py-0.5 text-xs font-semibold capitalize ring-1 ring-inset ${CATEGORY_STYLE[event.category]}`}>
              {event.category}
            </span>
            <code className="font-mono text-xs">{event.action}</code>
          </td>
          <td className="px-3 py-3 break-all">{event.actor}</td>
          <td className="px-3 py-3">{event.team ?? <span className="text-slate-500 dark:text-slate-400">—</span>}</td>
          <td className="px-3 py-3">
            {event.targetType ? (
              <>
                <span>{event.targetType}</span>
                {event.targetId ? <div className="break-all font-mono text-xs text-muted">{event.targetId}</div> : null}
              </>
            ) : (
              <span className="text-slate-500 dark:text-slate-400">—</span>
            )}
          </td>
          <td className="px-5 py-3">
            <details>
              <summary className="cursor-pointer text-sm font-medium text-link">Event #{event.id}</summary>
              <div className="mt-2 space-y-2 text-xs">
                <Json label="Before" value={event.before} />
                <Json label="After" value={event.after} />
                <p>
                  From {event.ipAddress ?? "an unknown address"}
                  {event.userAgent ? `, ${event.userAgent}` : ""}
                </p>
                <p className="break-all font-mono text-muted">sha256 {event.hash}</p>
              </div>
            </details>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
