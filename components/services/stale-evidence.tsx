import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { Principal } from "@/lib/auth/policy";
import { listStaleEvidence } from "@/lib/data/services/stale-evidence";

/** The service's standing answers whose evidence ran out: each needs re-attestation with current evidence. */
export async function StaleEvidenceCard({ principal, serviceId, assessmentId }: { principal: Principal; serviceId: string; assessmentId: string | null }) {
  const stale = await listStaleEvidence(principal, new Date(), serviceId);
  if (stale.length === 0) return null;
  return (
    <Card>
      <CardHeader
        title={`Needs re-attestation (${stale.length})`}
        description="Answers of the latest approval whose evidence stopped standing. The next assessment asks them again; attach current evidence."
      />
      <ul className="divide-y divide-line-soft text-sm">
        {stale.map((s) => (
          <li key={s.itemId} className="flex flex-wrap justify-between gap-2 px-5 py-2">
            {assessmentId ? (
              <a href={`/assessments/${assessmentId}/factors/${Number(s.itemId.slice(1, 3))}#${s.itemId}`} className="font-mono text-xs text-link underline">
                {s.itemId}
              </a>
            ) : (
              <span className="font-mono text-xs">{s.itemId}</span>
            )}
            <span className="text-muted">Evidence stood until {formatDate(s.expiredOn)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
