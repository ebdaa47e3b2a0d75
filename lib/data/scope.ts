import "server-only";
import { can, readScope, type Principal, type TeamAction } from "../auth/policy";
import { Prisma } from "../generated/prisma/client";
import { ForbiddenError, NotFoundError } from "./errors";

export { NotFoundError };

/**
 * The services a principal may read, as a Prisma filter. Every data function
 * derives its scope here from the principal itself and applies it in the query,
 * so a page cannot widen it and nothing outside it is ever fetched.
 */
export function servicesVisibleTo(principal: Principal, now: Date = new Date()): Prisma.ServiceWhereInput {
  const scope = readScope(principal, now);
  const base: Prisma.ServiceWhereInput = { archivedAt: null };
  return scope.kind === "org" ? base : { ...base, teamId: { in: [...scope.teamIds] } };
}

/**
 * The same scope as SQL, for hand-written queries: a condition on the services
 * table under the alias `s`.
 */
export function servicesVisibleSql(principal: Principal, now: Date = new Date()): Prisma.Sql {
  const scope = readScope(principal, now);
  return scope.kind === "org" ? Prisma.sql`s.archived_at IS NULL` : Prisma.sql`s.archived_at IS NULL AND s.team_id = ANY(${[...scope.teamIds]}::uuid[])`;
}

/**
 * Records that carry a team id (a campaign target, a notification's event), as a
 * Prisma filter on that field: every team for org readers, their own otherwise.
 */
export function teamIdsVisibleTo(principal: Principal, now: Date = new Date()): { in: string[] } | undefined {
  const scope = readScope(principal, now);
  return scope.kind === "org" ? undefined : { in: [...scope.teamIds] };
}

export function assertOrgAdmin(principal: Principal): void {
  if (!can(principal, "admin.manage", "org")) throw new NotFoundError();
}

/**
 * For a change to a team's records: "not found" when the caller cannot even
 * read the team (so nobody learns what exists), "forbidden" when they can read
 * it but their role does not allow the change.
 */
export function assertTeamPermission(principal: Principal, action: TeamAction, teamId: string, now: Date = new Date()): void {
  if (can(principal, action, { teamId }, now)) return;
  if (!can(principal, "team.read", { teamId }, now)) throw new NotFoundError();
  throw new ForbiddenError();
}
