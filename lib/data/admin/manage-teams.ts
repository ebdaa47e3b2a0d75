import "server-only";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { NotFoundError, ValidationError } from "../errors";
import { assertOrgAdmin } from "../scope";
import { firstFreeSlug, slugFor } from "../../slug";

async function freeSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugFor(name);
  const taken = await tx.team.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(taken.map((t) => t.slug)));
}

async function assertNameFree(tx: Prisma.TransactionClient, name: string, except?: string): Promise<void> {
  const clash = await tx.team.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ValidationError("A team with this name already exists.", { name: ["A team with this name already exists."] });
}

export async function createTeam(principal: Principal, input: { name: string; description: string }): Promise<{ id: string; slug: string }> {
  assertOrgAdmin(principal);
  return getPrisma().$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const team = await tx.team.create({ data: { name: input.name, description: input.description, slug: await freeSlug(tx, input.name) } });
    await recordAuditEvent(tx, {
      action: "team.created",
      ...actorOf(principal),
      ...about("team", team.id, team.id),
      after: { name: team.name, slug: team.slug, description: team.description },
    });
    return { id: team.id, slug: team.slug };
  });
}

/** Renames a team or changes its description; its services, members and history stay with it. */
export async function updateTeam(principal: Principal, input: { teamId: string; name: string; description: string }): Promise<void> {
  assertOrgAdmin(principal);
  await getPrisma().$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId } });
    if (!team) throw new NotFoundError();
    if (team.name === input.name && team.description === input.description) return;
    await assertNameFree(tx, input.name, team.id);
    await tx.team.update({ where: { id: team.id }, data: { name: input.name, description: input.description } });
    await recordAuditEvent(tx, {
      action: "team.updated",
      ...actorOf(principal),
      ...about("team", team.id, team.id),
      before: { name: team.name, description: team.description },
      after: { name: input.name, description: input.description },
    });
  });
}
