import { DataTable } from "@/components/ui/data-table";
import { Badge, type BadgeTone } from "@/components/ui/tone";
import type { AuditEventRow } from "@/lib/data/audit/list-audit-events";

const timestamp = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

const CATEGORY_TONE: Record<AuditEventRow["category"], BadgeTone> = { security: "info", access: "danger", change: "neutral" };

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
    <DataTable caption="Audit events, newest first" columns={["When (UTC)", "Event", "Actor", "Team", "Target", "Details"]}>
      {events.map((event) => (
        <tr key={event.id} className="align-top">
          <td className="whitespace-nowrap px-5 py-3 tabular-nums">
            <time dateTime={event.occurredAt.toISOString()}>{timestamp.format(event.occurredAt)}</time>
          </td>
          <td className="px-3 py-3">
            <Badge tone={CATEGORY_TONE[event.category]} className="mr-2 capitalize">
              {event.category}
            </Badge>
            <code className="font-mono text-xs">{event.action}</code>
          </td>
          <td className="px-3 py-3 break-all">{event.actor}</td>
          <td className="px-3 py-3">{event.team ?? <span className="text-muted">—</span>}</td>
          <td className="px-3 py-3">
            {event.targetType ? (
              <>
                <span>{event.targetType}</span>
                {event.targetId ? <div className="break-all font-mono text-xs text-muted">{event.targetId}</div> : null}
              </>
            ) : (
              <span className="text-muted">—</span>
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
