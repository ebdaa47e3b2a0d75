import "server-only";
import type { Prisma } from "../generated/prisma/client";

/**
 * Which teams' records a caller may read. Every data function takes one and
 * applies it in the query itself, so nothing outside it is ever fetched.
 * Until sign-in lands (Issue 3) pages pass ORG_WIDE; afterwards the scope comes
 * from the signed-in user's memberships and grants, never from the page.
 */
export type TeamScope = { kind: "org" } | { kind: "teams"; teamIds: readonly string[] };

export const ORG_WIDE: TeamScope = { kind: "org" };

export function serviceInScope(scope: TeamScope): Prisma.ServiceWhereInput {
  const base: Prisma.ServiceWhereInput = { archivedAt: null };
  return scope.kind === "org" ? base : { ...base, teamId: { in: [...scope.teamIds] } };
}
