// What approving an assessment does to a service's findings, decided purely:
// one finding per service and item, never a duplicate. An item not met or
// partially met opens a finding, re-confirms the open one, or reopens the
// resolved one; an item now met (or not applicable) resolves the open one.
import type { Severity } from "../vocabulary/levels";
import type { ResponseStatus } from "../vocabulary/answers";

export interface ExistingFinding {
  id: string;
  itemId: string;
  status: "open" | "in_progress" | "risk_accepted" | "resolved";
}

export type FindingStep =
  | { kind: "open"; itemId: string; severity: Severity; partially: boolean }
  | { kind: "reconfirm"; findingId: string; itemId: string; partially: boolean }
  | { kind: "reopen"; findingId: string; itemId: string; severity: Severity; partially: boolean }
  | { kind: "resolve"; findingId: string; itemId: string };

const failing = (status: ResponseStatus) => status === "not_met" || status === "partially_met";

export function planFindings(
  answers: readonly { itemId: string; status: ResponseStatus; severity: Severity }[],
  existing: readonly ExistingFinding[],
): FindingStep[] {
  // The latest finding per item wins; there should be one, but never trust that blindly.
  const byItem = new Map<string, ExistingFinding>();
  for (const finding of existing) {
    const known = byItem.get(finding.itemId);
    if (!known || (known.status === "resolved" && finding.status !== "resolved")) byItem.set(finding.itemId, finding);
  }
  const steps: FindingStep[] = [];
  for (const answer of answers) {
    const finding = byItem.get(answer.itemId);
    const partially = answer.status === "partially_met";
    if (failing(answer.status)) {
      if (!finding) steps.push({ kind: "open", itemId: answer.itemId, severity: answer.severity, partially });
      else if (finding.status === "resolved")
        steps.push({ kind: "reopen", findingId: finding.id, itemId: answer.itemId, severity: answer.severity, partially });
      else steps.push({ kind: "reconfirm", findingId: finding.id, itemId: answer.itemId, partially });
    } else if ((answer.status === "met" || answer.status === "not_applicable") && finding && finding.status !== "resolved") {
      steps.push({ kind: "resolve", findingId: finding.id, itemId: answer.itemId });
    }
  }
  return steps;
}
