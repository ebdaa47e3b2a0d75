import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { findingStatuses, WORKING_STATUSES } from "../../vocabulary/findings";

/**
 * `f.status IN ('open', 'in_progress')`, the statuses written from the
 * vocabulary as literals (never input), so that the partial index of working
 * findings serves the query; a typed parameter would keep the planner from it.
 */
export const workingStatusSql = (alias = "f"): Prisma.Sql => Prisma.raw(`${alias}.status IN (${WORKING_STATUSES.map((status) => `'${status}'`).join(", ")})`);

/** The same statuses as Prisma's enum keys, for Prisma queries. */
export const WORKING_DB_STATUSES = WORKING_STATUSES.map((status) => findingStatuses.toDb(status));
