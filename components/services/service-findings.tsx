"use client";

import { useCallback, useState } from "react";
import { FindingLink } from "@/components/findings/finding-link";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { SeverityBadge } from "@/components/ui/severity";
import type { ServiceDetail } from "@/lib/data/services/get-service";
import { findingStatuses } from "@/lib/vocabulary/findings";
import { severities } from "@/lib/vocabulary/levels";
import { BulkFindingForm } from "./bulk-finding-form";

/** A finding as the service's report lists it. */
export type ReportFinding = ServiceDetail["openFindings"][number];

type Grouping = "severity" | "factor";
const factorOf = (finding: ReportFinding) => Number(finding.itemId.slice(1, 3));

function groupsOf(findings: readonly ReportFinding[], by: Grouping, factorNames: readonly string[]) {
  if (by === "severity") {
    return severities.values
      .map((level) => ({ key: level, title: severities.label(level), findings: findings.filter((f) => f.severity === level) }))
      .filter((group) => group.findings.length);
  }
  const factors = [...new Set(findings.map(factorOf))].sort((a, b) => a - b);
  return factors.map((n) => ({ key: `F${n}`, title: `${n}. ${factorNames[n - 1] ?? ""}`, findings: findings.filter((f) => factorOf(f) === n) }));
}

/**
 * A service's unresolved findings, grouped by severity or by factor. Those who
 * manage findings tick them (one by one or a group at a time) and change them
 * together: owner, due date, severity or status.
 */
export function ServiceFindings({
  findings,
  factorNames,
  owners,
  manage,
  title,
  description,
}: {
  findings: readonly ReportFinding[];
  factorNames: readonly string[];
  owners: { id: string; name: string }[];
  manage: boolean;
  title: string;
  description: string;
}) {
  const [by, setBy] = useState<Grouping>("severity");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const clear = useCallback(() => setSelected(new Set()), []);
  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const groups = groupsOf(findings, by, factorNames);
  const columns = [...(manage ? ["Choose"] : []), "Finding", by === "severity" ? "Factor" : "Severity", "Status", "Owner", "Due"];
  return (
    <Card>
      <CardHeader title={`${title} (${findings.length})`} description={description} />
      {findings.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No unresolved findings">Approved assessments open a finding for every item not met.</EmptyState>
        </div>
      ) : (
        <>
          <div role="group" aria-label="Group the findings" className="flex flex-wrap items-center gap-2 border-b border-line px-5 py-3 text-sm">
            <span className="text-muted">Group by</span>
            {(
              [
                ["severity", "Severity"],
                ["factor", "Factor"],
              ] as const
            ).map(([option, label]) => (
              <button
                key={option}
                type="button"
                aria-pressed={by === option}
                onClick={() => setBy(option)}
                className="min-h-6 rounded-md px-2.5 py-1 font-medium ring-1 ring-line aria-pressed:bg-indigo-600 aria-pressed:text-white aria-pressed:ring-indigo-600"
              >
                {label}
              </button>
            ))}
          </div>
          {manage ? <BulkFindingForm selected={[...selected]} owners={owners.map((o) => ({ value: o.id, label: o.name }))} onDone={clear} /> : null}
          <ScrollRegion label="Unresolved findings of this service">
            <table className="w-full text-sm">
              <caption className="sr-only">Unresolved findings of this service, grouped by {by}</caption>
              <thead className="border-b border-line text-left text-muted">
                <tr>
                  {columns.map((column, index) => (
                    <th key={column} scope="col" className={`py-3 font-medium ${index === 0 || index === columns.length - 1 ? "px-5" : "px-3"}`}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              {groups.map((group) => {
                const ids = group.findings.map((f) => f.id);
                const all = ids.every((id) => selected.has(id));
                return (
                  <tbody key={group.key} className="divide-y divide-line-soft border-b border-line">
                    <tr className="bg-hover">
                      <th scope="rowgroup" colSpan={columns.length} className="px-5 py-2 text-left">
                        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                          <h3 className="text-sm font-semibold">
                            {group.title} <span className="font-normal text-muted tabular-nums">· {group.findings.length}</span>
                          </h3>
                          {manage ? (
                            <label className="flex min-h-6 items-center gap-2 text-xs font-normal text-muted">
                              <input type="checkbox" className="h-4 w-4" checked={all} onChange={(event) => toggle(ids, event.target.checked)} />
                              Choose all {group.findings.length} in {group.title}
                            </label>
                          ) : null}
                        </div>
                      </th>
                    </tr>
                    {group.findings.map((f) => (
                      <tr key={f.id}>
                        {manage ? (
                          <td className="w-10 px-5 py-2.5">
                            <input
                              type="checkbox"
                              className="h-4 w-4"
                              aria-label={`Choose ${f.itemId} ${f.title}`}
                              checked={selected.has(f.id)}
                              onChange={(event) => toggle([f.id], event.target.checked)}
                            />
                          </td>
                        ) : null}
                        <td className={`min-w-64 py-2.5 ${manage ? "px-3" : "px-5"}`}>
                          <FindingLink finding={f} />
                        </td>
                        <td className="whitespace-nowrap px-3 py-2.5">{by === "severity" ? `Factor ${factorOf(f)}` : <SeverityBadge level={f.severity} />}</td>
                        <td className="whitespace-nowrap px-3 py-2.5">{findingStatuses.label(f.status)}</td>
                        <td className="whitespace-nowrap px-3 py-2.5">{f.owner ?? <span className="text-muted">No owner</span>}</td>
                        <td className="whitespace-nowrap px-5 py-2.5">{formatDate(f.dueDate)}</td>
                      </tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </ScrollRegion>
        </>
      )}
    </Card>
  );
}
