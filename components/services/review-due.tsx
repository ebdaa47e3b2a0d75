import { formatDate } from "@/components/ui/format";
import { reviewState } from "@/lib/programme/cadence";

/** When a service's next review is due by its tier's cadence: overdue and never in red, due soon in bold. */
export function ReviewDue({ due, now }: { due: Date | null; now: Date }) {
  const state = reviewState(due, now);
  const text =
    state === "never"
      ? "Review due now (never reviewed)"
      : state === "overdue"
        ? `Review overdue since ${formatDate(due!)}`
        : state === "due_soon"
          ? `Review due soon: ${formatDate(due!)}`
          : `Review due ${formatDate(due!)}`;
  const tone = state === "never" || state === "overdue" ? "font-semibold text-danger" : state === "due_soon" ? "font-semibold text-soft" : "text-muted";
  return <div className={`text-xs ${tone}`}>{text}</div>;
}
