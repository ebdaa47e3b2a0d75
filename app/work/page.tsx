import type { Metadata } from "next";
import Link from "next/link";
import { DueBadge } from "@/components/findings/due-badge";
import { FindingLink } from "@/components/findings/finding-link";
import { PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { SeverityBadge } from "@/components/ui/severity";
import { requirePrincipal } from "@/lib/auth/current";
import { listMyWork, type WorkAssessment, type WorkFinding } from "@/lib/data/work/list-my-work";
import { SECTIONS } from "@/lib/navigation";
import { listMyTasks } from "@/lib/data/work/list-my-tasks";
import { TaskLists } from "@/components/work/task-lists";

export const metadata: Metadata = { title: SECTIONS.work.title };

const none = (text: string) => <p className="px-5 py-4 text-sm text-muted">{text}</p>;

function assessmentRow(verb: string) {
  return function AssessmentRow(a: WorkAssessment) {
    return (
      <tr key={a.id}>
        <td className="px-5 py-3">
          <Link href={`/assessments/${a.id}`} className="font-medium text-link hover:underline">
            {a.service.name}
          </Link>
          <div className="text-xs text-muted">{a.service.team}</div>
        </td>
        <td className="px-5 py-3 text-sm">
          {verb} {formatDate(a.since)}
          {a.by ? ` by ${a.by}` : ""}
        </td>
      </tr>
    );
  };
}

function FindingRow(f: WorkFinding) {
  return (
    <tr key={f.id}>
      <td className="px-5 py-3">
        <FindingLink finding={f} />
        <div className="text-xs text-muted">{f.service.name}</div>
      </td>
      <td className="px-3 py-3">
        <SeverityBadge level={f.severity} />
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-sm">
        {f.dueDate ? formatDate(f.dueDate) : "No due date"} <DueBadge state={f.due} />
      </td>
    </tr>
  );
}

/** What needs the person signed in: the drafts they answer, the approvals they owe, the findings they own or that run late. */
export default async function MyWorkPage() {
  const principal = await requirePrincipal();
  const [work, tasks] = await Promise.all([listMyWork(principal), listMyTasks(principal)]);
  // Each list: its heading (with its count), what it holds, and what it says when empty.
  const assessments = [
    {
      title: `Assessments to approve (${work.toApprove.length})`,
      description: "Submitted in teams you lead: read what approval records, then decide.",
      verb: "Submitted",
      items: work.toApprove,
      empty: "Nothing waits for your approval.",
    },
    {
      title: `Drafts to finish (${work.drafts.length})`,
      description: "Assessments under way in teams where you answer.",
      verb: "Started",
      items: work.drafts,
      empty: "No draft is under way in your teams.",
    },
  ];
  const findings = [
    {
      title: `Findings you own (${work.owned.length})`,
      description: "Not resolved; soonest due first.",
      items: work.owned,
      empty: "You own no unresolved finding.",
    },
    {
      title: `Due within a week, or overdue (${work.dueSoon.length})`,
      description: "Open or in progress, in teams whose findings you manage.",
      items: work.dueSoon,
      empty: "Nothing is due within a week.",
    },
  ];
  return (
    <>
      <PageHeader title={SECTIONS.work.title} description="What is waiting for you, in the teams where your role does that work. Oldest first." />
      <div className="grid gap-6 lg:grid-cols-2">
        <TaskLists answer={tasks.answer} validate={tasks.validate} />
        {assessments.map((list) => (
          <TableCard
            key={list.title}
            header={{ title: list.title, description: list.description }}
            caption={list.title}
            columns={["Service", list.verb]}
            items={list.items}
            empty={none(list.empty)}
            row={assessmentRow(list.verb)}
          />
        ))}
        {findings.map((list) => (
          <TableCard
            key={list.title}
            header={{ title: list.title, description: list.description }}
            caption={list.title}
            columns={["Finding", "Severity", "Due"]}
            items={list.items}
            empty={none(list.empty)}
            row={FindingRow}
          />
        ))}
      </div>
    </>
  );
}
