import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { OpenDrift } from "@/lib/data/services/drift";

const SHOWN = 10;

/** The dashboard's list of approved answers that evidence no longer agrees with, newest first. */
export function DriftedList({ drifts }: { drifts: OpenDrift[] }) {
  return (
    <Card>
      <CardHeader
        title="Drifted answers"
        description={`Newest first${drifts.length > SHOWN ? `; the first ${SHOWN} of ${drifts.length}` : ""}. Each service's page says what changed and where.`}
      />
      <ul className="divide-y divide-line-soft text-sm">
        {drifts.slice(0, SHOWN).map((d) => (
          <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-2">
            <span>
              <Link href={d.path} className="text-link underline">
                {d.serviceName}
              </Link>{" "}
              <span className="font-mono text-xs">{d.itemId}</span>
            </span>
            <span className="text-muted">
              {d.kind === "contradicted" ? `now ${d.observedStatus.replace("_", " ")}` : "a cited line changed"} · {d.source} · {formatDate(d.detectedAt)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
