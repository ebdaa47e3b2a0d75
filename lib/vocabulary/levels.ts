// Severity of a checklist item or finding, and tier of a service: one scale of
// four levels, most serious first, stored in two database enums.
import type { Criticality as DbCriticality, Severity as DbSeverity } from "../generated/prisma/enums";
import { defineVocabulary, type ValueOfVocabulary } from "./define";

const LEVELS = {
  CRITICAL: { value: "critical", label: "Critical" },
  HIGH: { value: "high", label: "High" },
  MEDIUM: { value: "medium", label: "Medium" },
  LOW: { value: "low", label: "Low" },
} as const;

export const severities = defineVocabulary(LEVELS satisfies Record<DbSeverity, { value: string; label: string }>);
export const tiers = defineVocabulary(LEVELS satisfies Record<DbCriticality, { value: string; label: string }>);

export type Severity = ValueOfVocabulary<typeof severities>;
/** A service's tier (its criticality). */
export type Criticality = ValueOfVocabulary<typeof tiers>;
