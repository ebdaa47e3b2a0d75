// Helpers that keep the checklist files short: every item cites its series
// step automatically, and standards are named one way only.
import type { Severity } from "../vocabulary/levels";
import type { ChecklistItem, Reference } from "./schema";

export interface Step {
  number: number;
  key: string;
  name: string;
  date: string;
  summary: string;
}

type ItemInput = {
  id: string;
  title: string;
  guidance: string;
  verify: string;
  evidence: string;
  severity: Severity;
  basis: ChecklistItem["basis"];
  standards?: Reference[];
};

export const asvs = (ref: string): Reference => ({ kind: "standard", standard: "OWASP ASVS 4.0.3", ref });
export const cis = (ref: string): Reference => ({ kind: "standard", standard: "CIS Controls v8", ref });
export const slsa = (ref: string): Reference => ({ kind: "standard", standard: "SLSA v1.0", ref });
export const ssdf = (ref: string): Reference => ({ kind: "standard", standard: "NIST SSDF (SP 800-218)", ref });
export const twelveFactor = (ref: string): Reference => ({ kind: "standard", standard: "The Twelve-Factor App", ref });

export function defineFactor(step: Step, items: ItemInput[]) {
  return {
    number: step.number,
    key: step.key,
    name: step.name,
    summary: step.summary,
    items: items.map((item) => ({
      id: item.id,
      factor: step.number,
      title: item.title,
      guidance: item.guidance,
      verify: item.verify,
      evidence: item.evidence,
      severity: item.severity,
      basis: item.basis,
      references: [
        {
          kind: "series" as const,
          step: step.number,
          title: `Security and the Twelve-Factor App – Step ${step.number}: ${step.name}`,
          date: step.date,
        },
        ...(item.standards ?? []),
      ],
    })),
  };
}
