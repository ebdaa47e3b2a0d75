// Every list of values maps to and from its database enum without loss, and a
// member missing from any table that must name every member does not compile:
// the `@ts-expect-error` lines below fail the typecheck (npm test runs tsc over
// tests too) the day the mistake they show stops being an error.
import { describe, expect, it } from "vitest";
import { ROLE_GRANTS, type TeamAction } from "../auth/policy";
import { TeamRole as DbTeamRole } from "../generated/prisma/enums";
import { answerStatuses, suggestionOutcomes } from "./answers";
import { assessmentEventKinds, assessmentStates } from "./assessments";
import { defineVocabulary, type Term } from "./define";
import { findingEventKinds, findingStatuses } from "./findings";
import { severities, tiers } from "./levels";
import { auditCategories, exportKinds, exportStates, TOKEN_SCOPE_ROLE, tokenScopes } from "./records";
import { teamRoles, type TeamRole } from "./roles";

const ALL = {
  teamRoles,
  severities,
  tiers,
  answerStatuses,
  suggestionOutcomes,
  assessmentStates,
  assessmentEventKinds,
  findingStatuses,
  findingEventKinds,
  exportStates,
  exportKinds,
  tokenScopes,
  auditCategories,
};

describe("vocabularies", () => {
  for (const [name, vocabulary] of Object.entries(ALL)) {
    it(`${name}: every member round-trips through the database name, and has a label`, () => {
      for (const value of vocabulary.values as readonly string[]) {
        const v = vocabulary as unknown as { toDb(v: string): string; fromDb(d: string): string; label(v: string): string; is(v: unknown): boolean };
        expect(v.fromDb(v.toDb(value))).toBe(value);
        // Postgres stores the view's name (the enum's @map), the Prisma key is its upper-case form.
        expect(v.toDb(value)).toBe(value.toUpperCase());
        expect(v.label(value).length).toBeGreaterThan(0);
        expect(v.is(value)).toBe(true);
      }
      expect(vocabulary.schema.safeParse("not-a-member").success).toBe(false);
      expect(new Set(vocabulary.values).size).toBe(vocabulary.values.length);
    });
  }

  it("refuses what is not a member, in both directions", () => {
    expect(() => severities.fromDb("SEVERE" as never)).toThrow("Not a member");
    expect(() => severities.toDb("severe" as never)).toThrow("Not a member");
    expect(severities.is("severe")).toBe(false);
  });

  it("keeps the declared order and counts from zero", () => {
    expect(severities.values).toEqual(["critical", "high", "medium", "low"]);
    expect(severities.count()).toEqual({ critical: 0, high: 0, medium: 0, low: 0 });
  });

  it("gives each team role a label, a policy row and a token scope's role", () => {
    expect(teamRoles.values).toEqual(Object.values(DbTeamRole).map((db) => teamRoles.fromDb(db)));
    for (const role of teamRoles.values) expect(ROLE_GRANTS[role].length).toBeGreaterThan(0);
    for (const scope of tokenScopes.values) expect(teamRoles.is(TOKEN_SCOPE_ROLE[scope])).toBe(true);
  });
});

// ---- What does not compile: adding a team role is one edit, and the compiler names the rest.

// A role in the database enum with no label (here REVIEWER left out) is refused where the table is declared.
defineVocabulary({
  LEAD: { value: "lead", label: "Lead" },
  AUDITOR: { value: "auditor", label: "Auditor" },
  OWNER: { value: "owner", label: "Service owner" },
  // @ts-expect-error -- REVIEWER is missing: every database member needs its term.
} as const satisfies Record<DbTeamRole, Term>);

// A term for a role the database does not have is refused too.
defineVocabulary({
  REVIEWER: { value: "reviewer", label: "Reviewer" },
  LEAD: { value: "lead", label: "Lead" },
  AUDITOR: { value: "auditor", label: "Auditor" },
  OWNER: { value: "owner", label: "Service owner" },
  // @ts-expect-error -- STEWARD is not in the database enum.
  STEWARD: { value: "steward", label: "Steward" },
} as const satisfies Record<DbTeamRole, Term>);

// The policy names every role and only those: a new role without a policy row does not compile.
type WithSteward = TeamRole | "steward";
// @ts-expect-error -- the policy table has no row for "steward".
export const policyWithNewRole: Record<WithSteward, readonly TeamAction[]> = ROLE_GRANTS;
// …and the label table does not either.
// @ts-expect-error -- teamRoles.labels has no label for "steward".
export const labelsWithNewRole: Record<WithSteward, string> = teamRoles.labels;
