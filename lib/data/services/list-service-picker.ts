import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { servicesVisibleTo } from "../scope";

export interface ServicePicker {
  /** Names and slugs to offer, by name: every service in view, or only the chosen one when there are too many to list. */
  options: { slug: string; name: string }[];
  /** Whether `options` holds every service in view (of the team, when one is given). */
  complete: boolean;
}

/**
 * The services a filter may offer: those the principal may read (of one team,
 * when given), names only. Past `limit` a list stops helping anyone (and costs
 * every page view its markup), so it offers only the service already chosen.
 */
export async function listServicePicker(principal: Principal, input: { teamSlug?: string; selected?: string; limit: number }): Promise<ServicePicker> {
  const where: Prisma.ServiceWhereInput = { AND: [servicesVisibleTo(principal), input.teamSlug ? { team: { slug: input.teamSlug } } : {}] };
  const prisma = getPrisma();
  const services = await prisma.service.findMany({ where, orderBy: { name: "asc" }, select: { slug: true, name: true }, take: input.limit + 1 });
  if (services.length <= input.limit) return { options: services, complete: true };
  const chosen = input.selected
    ? await prisma.service.findFirst({ where: { AND: [servicesVisibleTo(principal), { slug: input.selected }] }, select: { slug: true, name: true } })
    : null;
  return { options: chosen ? [chosen] : [], complete: false };
}
