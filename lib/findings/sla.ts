// Remediation due dates from severity. Issue 5 makes the policy configurable;
// the default is the one most security teams start from.
import type { Severity } from "../vocabulary/levels";

export type SlaPolicy = Record<Severity, number>;

export const DEFAULT_SLA_DAYS: SlaPolicy = { critical: 7, high: 30, medium: 90, low: 180 };

const DAY = 86_400_000;

export function dueDateFor(severity: Severity, openedAt: Date, policy: SlaPolicy = DEFAULT_SLA_DAYS): Date {
  return new Date(openedAt.getTime() + policy[severity] * DAY);
}
