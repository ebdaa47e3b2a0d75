import { formatDateTime } from "@/components/ui/format";
import Link from "next/link";
import type { FindingDetail } from "@/lib/data/findings/get-finding";

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "none");

function describe(event: FindingDetail["events"][number]): string {
  const d = event.detail;
  switch (event.kind) {
    case "opened":
      return `Opened: the item was ${d.answer === "partially_met" ? "partially met" : "not met"}`;
    case "reconfirmed":
      return `Re-confirmed by an assessment (${d.answer === "partially_met" ? "partially met" : "not met"})`;
    case "reopened":
      return "Reopened: an assessment found the item failing again";
    case "resolved":
      return "Resolved: an assessment found the item met";
    case "severity_changed":
      return `Severity ${d.from} → ${d.to}${d.reason ? `: ${d.reason}` : ""}`;
    case "owner_changed":
      return `Owner ${d.from || "none"} → ${d.to || "none"}`;
    case "due_date_changed":
      return `Due date ${day(d.from)} → ${day(d.to)}${d.reason ? `: ${d.reason}` : ""}`;
    case "status_changed":
      return `Status ${d.from?.replace("_", " ")} → ${d.to?.replace("_", " ")}`;
    case "risk_accepted":
      return `Risk accepted until ${day(d.expiresAt)}${d.reason ? `: ${d.reason}` : ""}`;
    case "risk_lapsed":
      return `Risk acceptance lapsed on ${day(d.expiredAt)}; open again`;
    case "risk_requested":
      return `Risk acceptance requested until ${day(d.expiresAt)}${d.reason ? `: ${d.reason}` : ""} (a second lead decides)`;
    case "risk_rejected":
      return `Risk acceptance request rejected${d.note ? `: ${d.note}` : ""} (asked by ${d.requestedBy || "a removed user"})`;
  }
}

/** A finding's history, oldest first, each entry with who and when. */
export function FindingHistory({ events }: { events: FindingDetail["events"] }) {
  return (
    <ol className="space-y-3 px-5 py-4 text-sm">
      {events.map((event, index) => (
        <li key={index} className="border-l-2 border-slate-200 pl-3 dark:border-slate-700">
          <p className="font-medium">{describe(event)}</p>
          <p className="text-muted">
            {event.actor ?? (event.kind === "risk_lapsed" ? "by expiry" : "Twelvefold")} ·{" "}
            <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)} UTC</time>
            {event.assessmentId ? (
              <>
                {" · "}
                <Link href={`/assessments/${event.assessmentId}`} className="text-link underline">
                  assessment
                </Link>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
