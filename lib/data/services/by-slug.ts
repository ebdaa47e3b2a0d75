import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { NotFoundError } from "../errors";
import { servicesVisibleTo } from "../scope";

/**
 * A service named by its id, or by its slug (unique within its team only, so
 * that choosing one never depends on another team's services) and, where the
 * caller reads several teams, its team's slug.
 */
export type ServiceKey = { id: string } | { slug: string; teamSlug?: string };

/** Several services the caller may read share the slug: which team's is meant? */
export class AmbiguousServiceError extends Error {
  /** Each team's slug and name, and the name its service goes by there. */
  constructor(readonly teams: { slug: string; name: string; service: string }[]) {
    super("several services share this slug");
    this.name = "AmbiguousServiceError";
  }
}

/** The id of the one service the key names among those the principal may read; not found otherwise. */
export async function visibleServiceId(principal: Principal, key: ServiceKey, now: Date = new Date()): Promise<string> {
  const where = "id" in key ? { id: key.id } : { slug: key.slug, ...(key.teamSlug ? { team: { slug: key.teamSlug } } : {}) };
  const rows = await getPrisma().service.findMany({
    where: { AND: [where, servicesVisibleTo(principal, now)] },
    select: { id: true, name: true, team: { select: { slug: true, name: true } } },
    orderBy: { team: { name: "asc" } },
    take: 50,
  });
  if (rows.length === 0) throw new NotFoundError();
  if (rows.length > 1) throw new AmbiguousServiceError(rows.map((r) => ({ ...r.team, service: r.name })));
  return rows[0]!.id;
}
