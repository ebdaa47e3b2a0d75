import type { Metadata } from "next";
import Link from "next/link";
import { ItemGuidance } from "@/components/assessment/item-guidance";
import { DueBadge } from "@/components/findings/due-badge";
import { FindingSeverityForm } from "@/components/findings/finding-severity-form";
import { AcceptRiskForm, CommentForm, DueDateForm, OwnerForm, ProgressForm } from "@/components/findings/finding-forms";
import { PendingRisk } from "@/components/findings/pending-risk";
import { FindingHistory } from "@/components/findings/finding-history";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { SeverityBadge } from "@/components/ui/severity";
import { getFinding } from "@/lib/data/findings/get-finding";
import { pageRecord } from "@/lib/data/not-found";
import { findingStatuses } from "@/lib/vocabulary/findings";
import { riskAcceptanceWindow } from "@/lib/findings/settings";
import { calloutClass } from "@/components/ui/tone";

export const metadata: Metadata = { title: "Finding" };

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: finding } = await pageRecord(params, getFinding);
  const acceptable = riskAcceptanceWindow();
  return (
    <>
      <div className="mb-8">
        <p className="text-sm text-muted">
          <Link href="/findings" className="hover:underline">
            Findings
          </Link>{" "}
          /{" "}
          <Link href={`/services/${finding.service.slug}`} className="hover:underline">
            {finding.service.name}
          </Link>{" "}
          · {finding.service.team}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{finding.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-mono text-xs text-muted">{finding.itemId}</span>
          <SeverityBadge level={finding.severity} />
          <span className="rounded bg-subtle px-1.5 py-0.5 text-xs font-semibold">{findingStatuses.label(finding.status)}</span>
          <DueBadge state={finding.due} />
          <span className="text-muted">
            Opened {formatDate(finding.openedAt)} · due {formatDate(finding.dueDate)} · owner {finding.owner?.name ?? "none"}
            {finding.resolvedAt ? ` · resolved ${formatDate(finding.resolvedAt)}` : ""}
          </span>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {finding.risk ? (
            <div role="note" className={calloutClass("warning", "px-5 py-4")}>
              <p className="font-semibold">
                Risk accepted until {formatDate(finding.risk.expiresAt)} by {finding.risk.approvedBy ?? "a former user"}
                {finding.risk.acceptedAt ? ` on ${formatDate(finding.risk.acceptedAt)}` : ""}.
              </p>
              <p className="mt-1 whitespace-pre-wrap">{finding.risk.reason}</p>
            </div>
          ) : null}
          <Card>
            <CardHeader title="What the item asks" />
            <div className="px-5 py-4">
              {finding.item ? <ItemGuidance item={finding.item} /> : <p className="text-sm">This item is not in the current checklist.</p>}
            </div>
          </Card>
          <Card>
            <CardHeader title="History" description="Every change, oldest first; kept when a finding is resolved or reopened." />
            <FindingHistory events={finding.events} />
          </Card>
          <Card>
            <CardHeader title="Comments" />
            <div className="space-y-4 px-5 py-4">
              {finding.comments.length === 0 ? <p className="text-sm text-muted">No comments yet.</p> : null}
              {finding.comments.map((c, i) => (
                <div key={i} className="text-sm">
                  <p className="font-medium">
                    {c.author} <span className="font-normal text-muted">· {formatDate(c.createdAt)}</span>
                  </p>
                  <p className="mt-0.5 whitespace-pre-wrap">{c.body}</p>
                </div>
              ))}
              {finding.may.comment ? <CommentForm findingId={finding.id} /> : null}
            </div>
          </Card>
        </div>
        <div className="space-y-6">
          {finding.may.manage ? (
            <Card>
              <CardHeader title="Manage" description="Resolution comes from an approved assessment that finds the item met." />
              <div className="space-y-6 px-5 py-4">
                <OwnerForm findingId={finding.id} current={finding.owner?.id ?? null} owners={finding.owners} />
                <ProgressForm findingId={finding.id} status={finding.status} />
                <DueDateForm findingId={finding.id} current={finding.dueDate ? finding.dueDate.toISOString().slice(0, 10) : null} />
                <FindingSeverityForm findingId={finding.id} current={finding.severity} />
              </div>
            </Card>
          ) : null}
          {finding.pendingRisk ? <PendingRisk findingId={finding.id} pending={finding.pendingRisk} mayDecide={finding.may.acceptRisk} /> : null}
          {finding.may.acceptRisk && finding.status !== "risk_accepted" && !finding.pendingRisk ? (
            <Card>
              <CardHeader
                title={finding.fourEyes ? "Ask to accept the risk" : "Accept the risk"}
                description={
                  finding.fourEyes
                    ? `A ${finding.severity} finding needs four eyes: a second lead of the team approves or rejects your request.`
                    : "For a while, with a reason; auditors see who accepted it and why."
                }
              />
              <div className="px-5 py-4">
                <AcceptRiskForm findingId={finding.id} minDate={acceptable.min} maxDate={acceptable.max} request={finding.fourEyes} />
              </div>
            </Card>
          ) : null}
          {!finding.may.manage && !finding.may.comment ? (
            <p className="text-sm text-muted">You can read this finding; your role does not change findings.</p>
          ) : null}
        </div>
      </div>
    </>
  );
}
