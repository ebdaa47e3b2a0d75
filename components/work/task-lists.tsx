import Link from "next/link";
import { TableCard } from "@/components/ui/data-table";
import type { AnswerTask, ValidationTask } from "@/lib/data/work/list-my-tasks";

const none = (text: string) => <p className="px-5 py-4 text-sm text-muted">{text}</p>;

/** A service owner's items to answer, and a reviewer's answers to validate; each shown only to those whose role does that work. */
export function TaskLists({ answer, validate }: { answer: AnswerTask[] | null; validate: ValidationTask[] | null }) {
  return (
    <>
      {answer ? (
        <TableCard
          header={{ title: `Items to answer (${answer.length})`, description: "Assigned to you, or sent back to you by security, in drafts." }}
          caption="Items to answer"
          columns={["Service and factor", "What is asked"]}
          items={answer}
          empty={none("Nothing is assigned or sent back to you.")}
          row={(t) => (
            <tr key={`${t.assessmentId}:${t.factor}`}>
              <td className="px-5 py-3">
                <Link href={`/assessments/${t.assessmentId}/factors/${t.factor}`} className="font-medium text-link hover:underline">
                  {t.service.name}: {t.factor}. {t.factorName}
                </Link>
                <div className="text-xs text-muted">{t.service.team}</div>
              </td>
              <td className="px-5 py-3 text-sm">
                {[t.toAnswer ? `${t.toAnswer} to answer` : null, t.sentBack ? `${t.sentBack} sent back` : null].filter(Boolean).join(", ")}
              </td>
            </tr>
          )}
        />
      ) : null}
      {validate ? (
        <TableCard
          header={{ title: `Answers to validate (${validate.length})`, description: "Drafts where service owners' answers wait for security." }}
          caption="Answers to validate"
          columns={["Service", "Waiting"]}
          items={validate}
          empty={none("No owner's answer waits for you.")}
          row={(t) => (
            <tr key={t.assessmentId}>
              <td className="px-5 py-3">
                <Link href={`/assessments/${t.assessmentId}`} className="font-medium text-link hover:underline">
                  {t.service.name}
                </Link>
                <div className="text-xs text-muted">{t.service.team}</div>
              </td>
              <td className="px-5 py-3 text-sm tabular-nums">{t.waiting}</td>
            </tr>
          )}
        />
      ) : null}
    </>
  );
}
