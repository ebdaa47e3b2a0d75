import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";

/** Chooses the day the dashboard shows: an audit period's end, or today. A GET form, so the address says it. */
export function AsOfForm({ day, error, today }: { day: string | null; error: string | null; today: string }) {
  return (
    <form method="get" action="/" className="flex flex-wrap items-end gap-2">
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
        <Link href="/" className={buttonClass("quiet", "narrow")}>
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
