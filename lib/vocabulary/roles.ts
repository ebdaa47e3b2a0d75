// Team roles. Adding one: add it to the `TeamRole` enum in prisma/schema.prisma,
// then here; the compiler then points at every table that needs it (the policy,
// the authorisation matrix, the demo people). ARCHITECTURE.md lists the rest.
import type { TeamRole as DbTeamRole } from "../generated/prisma/enums";
import { defineVocabulary, type ValueOfVocabulary } from "./define";

export const teamRoles = defineVocabulary({
  REVIEWER: { value: "reviewer", label: "Reviewer" },
  LEAD: { value: "lead", label: "Lead" },
  AUDITOR: { value: "auditor", label: "Auditor" },
  OWNER: { value: "owner", label: "Service owner" },
} as const satisfies Record<DbTeamRole, { value: string; label: string }>);

export type TeamRole = ValueOfVocabulary<typeof teamRoles>;
