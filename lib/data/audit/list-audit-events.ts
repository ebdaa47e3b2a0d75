import "server-only";
import type { AuditContent } from "../../audit/chain";
import { z } from "zod";
import { auditScope, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { auditCategories } from "../../vocabulary/records";

export const AUDIT_PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => value || undefined);
const optionalDate = z
  .union([z.literal(""), z.iso.date("Use a date like 2026-11-23.")])
  .optional()
  .transform((value) => value || undefined);
const cursor = z
  .string()
  .regex(/^\d{1,18}$/, "Not a page of this trail.")
  .optional();

/** The trail's filters as they arrive in the address bar. */
export const auditFilterSchema = z
  .object({
    actor: optionalText(254),
    action: optionalText(100),
    target: optionalText(200),
    category: z
      .enum(auditCategories.values)
      .or(z.literal(""))
      .optional()
      .transform((value) => value || undefined),
    team: z
      .uuid("Not a team.")
      .or(z.literal(""))
      .optional()
      .transform((value) => value || undefined),
    from: optionalDate,
    to: optionalDate,
    before: cursor,
    after: cursor,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date is after the end date.", path: ["to"] });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** An event as the trail shows it: what was stored, with the actor and team by name. */
export interface AuditEventRow extends Pick<
  AuditContent,
  "occurredAt" | "category" | "targetType" | "targetId" | "ipAddress" | "userAgent" | "before" | "after"
> {
  id: string;
  action: string;
  actor: string;
  team: string | null;
  hash: string;
}

export interface AuditPage {
  events: AuditEventRow[];
  /** Cursors for the neighbouring pages, or null at either end. */
  older: string | null;
  newer: string | null;
}

const DAY = 86_400_000;

function whereFor(principal: Principal, filter: AuditFilter, now: Date): Prisma.AuditEventWhereInput {
  const scope = auditScope(principal, now);
  const and: Prisma.AuditEventWhereInput[] = [];
  if (scope.kind === "teams") and.push({ teamId: { in: [...scope.teamIds] } });
  if (filter.team) and.push({ teamId: filter.team });
  if (filter.category) and.push({ category: auditCategories.toDb(filter.category) });
  if (filter.actor) and.push({ actorLabel: { contains: filter.actor, mode: "insensitive" } });
  if (filter.action) and.push({ action: { startsWith: filter.action } });
  if (filter.target) {
    and.push({ OR: [{ targetId: filter.target }, { targetType: filter.target }] });
  }
  if (filter.from) and.push({ occurredAt: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) and.push({ occurredAt: { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY) } });
  return { AND: and };
}

/**
 * A page of the audit trail, newest first, within what the principal may
 * browse (see auditScope): nothing at all for anyone without audit access.
 * Keyset pages on the event id, so paging stays cheap however long it grows.
 */
export async function listAuditEvents(principal: Principal, filter: AuditFilter, now: Date = new Date()): Promise<AuditPage> {
  const where = whereFor(principal, filter, now);
  const prisma = getPrisma();
  const goingBack = filter.after !== undefined && filter.before === undefined;
  const rows = await prisma.auditEvent.findMany({
    where: {
      AND: [where, filter.before ? { id: { lt: BigInt(filter.before) } } : {}, goingBack ? { id: { gt: BigInt(filter.after!) } } : {}],
    },
    orderBy: { id: goingBack ? "asc" : "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    include: { team: { select: { name: true } } },
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (goingBack) page.reverse();
  const events = page.map((row) => ({
    id: row.id.toString(),
    occurredAt: row.occurredAt,
    category: auditCategories.fromDb(row.category),
    action: row.action,
    actor: row.actorLabel,
    team: row.team?.name ?? null,
    targetType: row.targetType,
    targetId: row.targetId,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    before: row.before,
    after: row.after,
    hash: row.hash,
  }));
  const first = events[0]?.id ?? null;
  const last = events.at(-1)?.id ?? null;
  const exists = async (id: Prisma.BigIntFilter) => (await prisma.auditEvent.findFirst({ where: { AND: [where, { id }] }, select: { id: true } })) !== null;
  const [hasNewer, hasOlder] = await Promise.all([
    goingBack ? more : first !== null && exists({ gt: BigInt(first) }),
    goingBack ? last !== null && exists({ lt: BigInt(last) }) : more,
  ]);
  return { events, older: hasOlder ? last : null, newer: hasNewer ? first : null };
}

export interface AuditFacets {
  teams: { id: string; name: string }[];
  actions: string[];
}

/** The choices offered by the trail's filters, within the principal's scope. */
export async function listAuditFacets(principal: Principal, now: Date = new Date()): Promise<AuditFacets> {
  const scope = auditScope(principal, now);
  const prisma = getPrisma();
  const teamWhere = scope.kind === "org" ? {} : { id: { in: [...scope.teamIds] } };
  const eventWhere = scope.kind === "org" ? {} : { teamId: { in: [...scope.teamIds] } };
  const [teams, actions] = await Promise.all([
    prisma.team.findMany({ where: teamWhere, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.auditEvent.groupBy({ by: ["action"], where: eventWhere, orderBy: { action: "asc" } }),
  ]);
  return { teams, actions: actions.map((a) => a.action) };
}
