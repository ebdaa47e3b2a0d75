import "server-only";
import type { ServiceFields } from "../../services/schemas";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import { can, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { recordTeamPosture } from "../../posture/record";
import { firstFreeSlug, slugFor } from "../../slug";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";
import { tiers } from "../../vocabulary/levels";

export type { ServiceFields };

async function assertNameFree(tx: Prisma.TransactionClient, teamId: string, name: string, except?: string) {
  const clash = await tx.service.findFirst({
    where: { teamId, name: { equals: name, mode: "insensitive" }, archivedAt: null, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ValidationError("This team already has a service with this name.", { name: ["This team already has a service with this name."] });
}

function snapshot(service: { name: string; description: string; criticality: string; repositoryUrl: string | null; teamId: string }) {
  return {
    name: service.name,
    description: service.description,
    criticality: service.criticality.toLowerCase(),
    repositoryUrl: service.repositoryUrl,
    teamId: service.teamId,
  };
}

/** Adds a service to a team; reviewers and leads of the team may. */
export async function createService(principal: Principal, input: ServiceFields): Promise<{ id: string; slug: string }> {
  assertTeamPermission(principal, "service.create", input.teamId);
  return getPrisma().$transaction(async (tx) => {
    await assertNameFree(tx, input.teamId, input.name);
    const base = slugFor(input.name);
    // Only this team's slugs count: a slug never depends on (or reveals) another team's services.
    const taken = await tx.service.findMany({ where: { teamId: input.teamId, slug: { startsWith: base } }, select: { slug: true } });
    const service = await tx.service.create({
      data: { ...input, criticality: tiers.toDb(input.criticality), slug: firstFreeSlug(base, new Set(taken.map((s) => s.slug))) },
    });
    await recordAuditEvent(tx, {
      action: "service.created",
      ...actorOf(principal),
      ...about("service", service.id, service.teamId),
      after: snapshot(service),
    });
    return { id: service.id, slug: service.slug };
  });
}

/**
 * Edits a service, or moves it to another team (which needs the right in both
 * teams). Its id and slug stay, so its assessments and findings go with it.
 */
export async function updateService(principal: Principal, input: ServiceFields & { serviceId: string }): Promise<{ slug: string }> {
  return getPrisma().$transaction(async (tx) => {
    const service = await tx.service.findFirst({ where: { AND: [{ id: input.serviceId }, servicesVisibleTo(principal)] } });
    if (!service) throw new NotFoundError();
    assertTeamPermission(principal, "service.update", service.teamId);
    if (input.teamId !== service.teamId) assertTeamPermission(principal, "service.update", input.teamId);
    await assertNameFree(tx, input.teamId, input.name, service.id);
    const updated = await tx.service.update({
      where: { id: service.id },
      data: {
        teamId: input.teamId,
        name: input.name,
        description: input.description,
        repositoryUrl: input.repositoryUrl,
        criticality: tiers.toDb(input.criticality),
      },
    });
    if (input.teamId !== service.teamId) {
      // The service's score and findings leave one team's posture for another's.
      await recordTeamPosture(tx, service.teamId);
      await recordTeamPosture(tx, input.teamId);
    }
    const [before, after] = [snapshot(service), snapshot(updated)];
    if (JSON.stringify(before) === JSON.stringify(after)) return { slug: service.slug };
    await recordAuditEvent(tx, {
      action: input.teamId !== service.teamId ? "service.moved" : "service.updated",
      ...actorOf(principal),
      ...about("service", service.id, updated.teamId),
      before,
      after,
    });
    return { slug: service.slug };
  });
}

/** The teams in which the principal may add (or move) services. */
export async function listTeamsForServices(principal: Principal): Promise<{ id: string; name: string }[]> {
  const teams = await getPrisma().team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return teams.filter((team) => can(principal, "service.create", { teamId: team.id }));
}
