import { answerStatuses } from "@/lib/vocabulary/answers";
import type { ChecklistItem } from "@/lib/checklist";
import type { ResponseView } from "@/lib/data/assessments/get-assessment";
import { provenanceLine } from "@/lib/evidence/suggestion";
import { SeverityBadge } from "@/components/ui/severity";
import { ItemGuidance } from "./item-guidance";

const STATUS_STYLE: Record<string, string> = {
  met: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  partially_met: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  not_met: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  not_applicable: "bg-subtle text-slate-800 dark:text-slate-100",
  unanswered: "bg-subtle text-slate-600 dark:text-slate-300",
};

/** An answer as it stands, for those who may read but not change it. */
export function ItemReadOnly({ assessmentId, item, answer }: { assessmentId: string; item: ChecklistItem; answer: ResponseView }) {
  return (
    <article id={item.id} aria-labelledby={`item-${item.id}-title`} className="scroll-mt-20 rounded-xl border border-line bg-surface shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4">
        <div>
          <p className="font-mono text-xs text-muted">{item.id}</p>
          <h3 id={`item-${item.id}-title`} className="mt-0.5 font-semibold">
            {item.title}
          </h3>
          <div className="mt-2 flex items-center gap-2">
            <SeverityBadge level={item.severity} />
          </div>
        </div>
        <span className={`rounded-md px-2 py-1 text-sm font-semibold ${STATUS_STYLE[answer.status]}`}>{answerStatuses.label(answer.status)}</span>
      </header>
      <div className="grid gap-6 px-5 py-4 lg:grid-cols-2">
        <ItemGuidance item={item} />
        <dl className="space-y-3 text-sm">
          <Entry term="Justification" className="whitespace-pre-wrap text-soft">
            {answer.justification || "—"}
          </Entry>
          <Entry term="Attested and validated" className="text-soft">
            {answer.attestation}
            {answer.validation === "sent_back" ? ` Comment: ${answer.validationComment}` : ""}
          </Entry>
          {answer.suggestion ? (
            <Entry term="Answer origin" className="text-soft">
              {provenanceLine(answer.suggestion)}
            </Entry>
          ) : null}
          <Entry term="Notes" className="whitespace-pre-wrap text-soft">
            {answer.notes || "—"}
          </Entry>
          <Entry term="Evidence links">
            {answer.evidenceLinks.length ? (
              <ul className="space-y-0.5">
                {answer.evidenceLinks.map((link) => (
                  <li key={link} className="truncate">
                    <a href={link} target="_blank" rel="noopener noreferrer" className="text-link underline">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            )}
          </Entry>
          <Entry term="Attachments">
            {answer.attachments.length ? (
              <ul className="space-y-0.5">
                {answer.attachments.map((file) => (
                  <li key={file.id}>
                    <a href={`/assessments/${assessmentId}/attachments/${file.id}`} download className="text-link underline">
                      {file.fileName}
                    </a>
                    <span className="ml-2 break-all font-mono text-xs text-muted">sha256 {file.sha256}</span>
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            )}
          </Entry>
          <Entry term="Last changed" className="text-soft">
            {answer.updatedBy ? `by ${answer.updatedBy}` : "carried over or not yet answered"}
          </Entry>
        </dl>
      </div>
    </article>
  );
}

/** One term of the answer and its value. */
function Entry({ term, className = "", children }: { term: string; className?: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-semibold">{term}</dt>
      <dd className={`mt-0.5 ${className}`}>{children}</dd>
    </div>
  );
}
