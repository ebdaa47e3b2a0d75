import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { Principal } from "@/lib/auth/policy";
import { listEvidenceImports } from "@/lib/data/services/evidence-imports";

const FORMAT = {
  sarif: "SARIF",
  cyclonedx: "CycloneDX",
  spdx: "SPDX",
  scorecard: "OpenSSF Scorecard",
  "npm-audit": "npm audit",
  "osv-scanner": "OSV-Scanner",
} as Record<string, string>;

/** The service's latest imported tool outputs: what each was, how much of it mapped to items, and what did not. */
export async function ImportsCard({ principal, serviceId }: { principal: Principal; serviceId: string }) {
  const imports = await listEvidenceImports(principal, serviceId);
  if (imports.length === 0) return null;
  return (
    <Card>
      <CardHeader
        title="Imported tool outputs"
        description="The latest five. Every result is kept; those the evidence mapping covers became suggestions, and the rest are named below."
      />
      <ul className="divide-y divide-line-soft text-sm">
        {imports.map((i) => (
          <li key={i.id} className="space-y-1 px-5 py-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium">
                {i.tools.map((t) => `${t.name}${t.version ? ` ${t.version}` : ""}`).join(", ") || "Unnamed tool"}
                <span className="font-normal text-muted">
                  {" "}
                  · {FORMAT[i.format] ?? i.format} {i.formatVersion}
                </span>
              </span>
              <span className="text-muted">
                {formatDateTime(i.submittedAt)}
                {i.via ? ` · token ${i.via}` : ""}
              </span>
            </div>
            <p className="text-muted">
              {i.results} result{i.results === 1 ? "" : "s"}, {i.mapped} mapped to items{i.fileName ? ` · ${i.fileName}` : ""}
            </p>
            <p className="break-all font-mono text-xs text-muted">SHA-256 {i.sha256}</p>
            {i.notes.length ? (
              <ul className="list-disc space-y-0.5 pl-5 text-xs">
                {i.notes.map((note, index) => (
                  <li key={index} className="break-words">
                    {note}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
