import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";

/** Chooses the day the dashboard shows: an audit period's end, or today. A GET form, so the address says it. */
export function AsOfForm({
  day,
  error,
  today,
  action = "/",
  keep = {},
}: {
  day: string | null;
  error: string | null;
  today: string;
  action?: string;
  keep?: Record<string, string>;
}) {
  const back = Object.keys(keep).length ? `${action}?${new URLSearchParams(keep)}` : action;
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <Label htmlFor="as-of">As of</Label>
        <Input
          id="as-of"
          name="asOf"
          type="date"
          max={today}
          defaultValue={day ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "as-of-error" : undefined}
          className="mt-1"
        />
      </div>
      <button type="submit" className={buttonClass("secondary", "narrow")}>
        Show
      </button>
      {day || error ? (
        <Link href={back} className={buttonClass("quiet", "narrow")}>
          Back to today
        </Link>
      ) : null}
      {error ? (
        <p id="as-of-error" role="alert" className="basis-full text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
