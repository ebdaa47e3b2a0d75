import "server-only";
import type { Principal } from "../auth/policy";
import { getPrisma } from "../db/prisma";
import { servicesVisibleTo } from "./scope";

/** Names and slugs of the services the principal may read, for filters and pickers: no scores, no counts. */
export async function listVisibleServices(principal: Principal): Promise<{ slug: string; name: string }[]> {
  return getPrisma().service.findMany({
    where: servicesVisibleTo(principal),
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}
