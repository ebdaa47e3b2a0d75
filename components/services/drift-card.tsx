import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { Principal } from "@/lib/auth/policy";
import { listOpenDrifts } from "@/lib/data/services/drift";
import { answerStatuses } from "@/lib/vocabulary/answers";

/** Approved answers that new evidence contradicts, or whose cited lines changed: each needs a look before the next review. */
export async function DriftCard({ principal, serviceId }: { principal: Principal; serviceId: string }) {
  const drifts = await listOpenDrifts(principal, new Date(), serviceId);
  if (drifts.length === 0) return null;
  return (
    <Card>
      <CardHeader
        title={`Drifted (${drifts.length})`}
        description="Evidence submitted since the latest approval no longer agrees with these answers. The current score counts a contradicted answer as the evidence shows it; a new approval, or evidence that agrees again, clears it."
      />
      <ul className="divide-y divide-line-soft text-sm">
        {drifts.map((d) => (
          <li key={d.id} className="space-y-1 px-5 py-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <a href={`/assessments/${d.assessmentId}/factors/${Number(d.itemId.slice(1, 3))}#${d.itemId}`} className="font-mono text-xs text-link underline">
                {d.itemId}
              </a>
              <span className="text-muted">
                {d.kind === "contradicted"
                  ? `Approved ${answerStatuses.label(d.approvedStatus).toLowerCase()}, now ${answerStatuses.label(d.observedStatus).toLowerCase()}`
                  : "A cited line changed"}
                {" · "}
                {formatDate(d.detectedAt)}
              </span>
            </div>
            <p className="break-words text-muted">{d.detail}</p>
            {d.file ? (
              <p className="break-all font-mono text-xs">
                {d.file}
                {d.line ? `:${d.line}` : ""}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
