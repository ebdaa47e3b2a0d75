import { getEnv } from "../env";
import type { SlaPolicy } from "./sla";

/** The remediation policy in force (FINDING_SLA_DAYS). */
export function slaPolicy(): SlaPolicy {
  return getEnv().FINDING_SLA_DAYS;
}

/** The longest a risk may be accepted for (RISK_ACCEPTANCE_MAX_DAYS). */
export function maxRiskAcceptanceDays(): number {
  return getEnv().RISK_ACCEPTANCE_MAX_DAYS;
}

const DAY = 86_400_000;

/** The dates a risk acceptance made now may end on (YYYY-MM-DD, inclusive). */
export function riskAcceptanceWindow(now: Date = new Date()): { min: string; max: string } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { min: day(now.getTime() + DAY), max: day(now.getTime() + (maxRiskAcceptanceDays() - 1) * DAY) };
}
