import "server-only";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { allItems, latestChecklist } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { wouldCycle, type InheritanceMode } from "../../platforms/inherit";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";
import { recomputeEffectivePosture } from "../../posture/effective";
import { platformChanged } from "./propagate";

type Tx = Prisma.TransactionClient;

/** A service the principal may change (its team's reviewers and leads), locked for the change. */
async function changeableService(tx: Tx, principal: Principal, serviceId: string, now: Date) {
  await tx.$queryRaw`SELECT id FROM services WHERE id = ${serviceId}::uuid FOR UPDATE`;
  const service = await tx.service.findFirst({
    where: { AND: [{ id: serviceId }, servicesVisibleTo(principal, now)] },
    select: { id: true, name: true, teamId: true, platformKind: true, platformItems: true },
  });
  if (!service) throw new NotFoundError();
  assertTeamPermission(principal, "service.update", service.teamId, now);
  return service;
}

/** A change to the graph of platforms, one at a time (so two changes cannot close a circle between them), on a service the principal may change. */
async function changeGraph<T>(
  principal: Principal,
  serviceId: string,
  now: Date,
  change: (tx: Tx, service: Awaited<ReturnType<typeof changeableService>>) => Promise<T>,
): Promise<T> {
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('platform_uses'))`;
    return change(tx, await changeableService(tx, principal, serviceId, now));
  });
}

/**
 * Marks a service a platform (what it is, and the items it answers for the
 * services on it), changes that, or unmarks it (`kind` null) once nothing runs
 * on it. The services on it move to its answers in the background.
 */
export async function setPlatform(
  principal: Principal,
  input: { serviceId: string; kind: string | null; items: string[] },
  context: RequestContext,
  now: Date = new Date(),
): Promise<void> {
  const known = new Set(allItems(latestChecklist()).map((i) => i.id));
  const unknown = input.items.filter((id) => !known.has(id));
  if (unknown.length) throw new ValidationError(`Not items of the current checklist: ${unknown.slice(0, 5).join(", ")}.`);
  if (input.kind === null && input.items.length) throw new ValidationError("Only a platform covers items.");
  if (input.kind !== null && input.items.length === 0) throw new ValidationError("Choose the items the platform answers for the services on it.");
  await changeGraph(principal, input.serviceId, now, async (tx, service) => {
    const users = await tx.platformUse.count({ where: { platformId: service.id } });
    if (input.kind === null && users > 0) {
      throw new ValidationError(
        `${users} ${users === 1 ? "service runs" : "services run"} on ${service.name}; they must stop before it stops being a platform.`,
      );
    }
    const items = [...new Set(input.items)].sort();
    await tx.service.update({ where: { id: service.id }, data: { platformKind: input.kind, platformItems: items } });
    await recordAuditEvent(tx, {
      action: "platform.updated",
      ...eventBy(principal, context, now),
      ...about("service", service.id, service.teamId),
      before: { kind: service.platformKind, items: service.platformItems },
      after: { kind: input.kind, items },
    });
    if (users > 0) await platformChanged(tx, service.id, `coverage:${service.id}:${now.toISOString()}`);
  });
}

/**
 * Declares that a service runs on a platform (any team's: platforms are
 * published to everyone). Refused when the platform already runs, directly or
 * through others, on the service. Its posture moves at once.
 */
export async function usePlatform(
  principal: Principal,
  input: { serviceId: string; platformId: string },
  context: RequestContext,
  now: Date = new Date(),
): Promise<void> {
  await changeGraph(principal, input.serviceId, now, async (tx, service) => {
    const platform = await tx.service.findFirst({
      where: { id: input.platformId, platformKind: { not: null }, archivedAt: null },
      select: { id: true, name: true },
    });
    if (!platform) throw new ValidationError("That is not a platform: choose one from the list.");
    const edges = await tx.platformUse.findMany({ select: { serviceId: true, platformId: true } });
    const uses = new Map<string, string[]>();
    for (const e of edges) uses.set(e.serviceId, [...(uses.get(e.serviceId) ?? []), e.platformId]);
    if (wouldCycle(uses, service.id, platform.id)) {
      throw new ValidationError(
        service.id === platform.id
          ? "A service cannot run on itself."
          : `${platform.name} already runs, directly or through other platforms, on ${service.name}: that would be a circle.`,
      );
    }
    if ((uses.get(service.id) ?? []).includes(platform.id)) throw new ValidationError(`${service.name} already runs on ${platform.name}.`);
    await tx.platformUse.create({ data: { serviceId: service.id, platformId: platform.id, createdById: principal.userId, createdAt: now } });
    await recordAuditEvent(tx, {
      action: "platform.used",
      ...eventBy(principal, context, now),
      ...about("service", service.id, service.teamId),
      after: { platformId: platform.id, platform: platform.name },
    });
    await recomputeEffectivePosture(tx, [service.id]);
  });
}

/** The service no longer runs on the platform; its own answers stand again. */
export async function stopUsingPlatform(
  principal: Principal,
  input: { serviceId: string; platformId: string },
  context: RequestContext,
  now: Date = new Date(),
): Promise<void> {
  await changeGraph(principal, input.serviceId, now, async (tx, service) => {
    const removed = await tx.platformUse.deleteMany({ where: { serviceId: service.id, platformId: input.platformId } });
    if (removed.count === 0) throw new ValidationError(`${service.name} does not run on that platform.`);
    await recordAuditEvent(tx, {
      action: "platform.unused",
      ...eventBy(principal, context, now),
      ...about("service", service.id, service.teamId),
      before: { platformId: input.platformId },
    });
    await recomputeEffectivePosture(tx, [service.id]);
  });
}

/** For each item the platform covers: inherited (the default), shared, or the service's own. */
export async function setInheritanceModes(
  principal: Principal,
  input: { serviceId: string; platformId: string; modes: Record<string, InheritanceMode> },
  context: RequestContext,
  now: Date = new Date(),
): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const service = await changeableService(tx, principal, input.serviceId, now);
    const use = await tx.platformUse.findUnique({
      where: { serviceId_platformId: { serviceId: service.id, platformId: input.platformId } },
      select: { modes: true, platform: { select: { platformItems: true } } },
    });
    if (!use) throw new ValidationError(`${service.name} does not run on that platform.`);
    const uncovered = Object.keys(input.modes).filter((id) => !use.platform.platformItems.includes(id));
    if (uncovered.length) throw new ValidationError(`The platform does not cover ${uncovered.slice(0, 5).join(", ")}.`);
    const modes = Object.fromEntries(Object.entries(input.modes).filter(([, mode]) => mode !== "inherited"));
    await tx.platformUse.update({ where: { serviceId_platformId: { serviceId: service.id, platformId: input.platformId } }, data: { modes } });
    await recordAuditEvent(tx, {
      action: "platform.modes_changed",
      ...eventBy(principal, context, now),
      ...about("service", service.id, service.teamId),
      before: { platformId: input.platformId, modes: use.modes as Record<string, string> },
      after: { platformId: input.platformId, modes },
    });
    await recomputeEffectivePosture(tx, [service.id]);
  });
}
