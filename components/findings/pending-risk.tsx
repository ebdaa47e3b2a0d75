import { Card, CardHeader } from "@/components/ui/card";
import { formatDate, formatDateTime } from "@/components/ui/format";
import type { FindingDetail } from "@/lib/data/findings/get-finding";
import { DecideRiskForm } from "./finding-forms";

/** A risk acceptance waiting for a second lead: what was asked, by whom, and (for another lead) the decision. */
export function PendingRisk({ findingId, pending, mayDecide }: { findingId: string; pending: NonNullable<FindingDetail["pendingRisk"]>; mayDecide: boolean }) {
  return (
    <Card>
      <CardHeader title="Risk acceptance waits for a second lead" />
      <div className="space-y-3 px-5 py-4 text-sm">
        <p>
          <span className="font-medium">{pending.requestedBy}</span> asked on {formatDateTime(pending.requestedAt)} UTC to accept it until{" "}
          {formatDate(pending.expiresAt)}:
        </p>
        <blockquote className="border-l-2 border-line pl-3 whitespace-pre-wrap">{pending.reason}</blockquote>
        {pending.byMe ? (
          <p className="text-muted">You asked for it; another lead of the team decides.</p>
        ) : mayDecide ? (
          <DecideRiskForm findingId={findingId} />
        ) : (
          <p className="text-muted">A lead of the team decides.</p>
        )}
      </div>
    </Card>
  );
}
