import "server-only";
import { parseEntityRef, stringifyEntityRef } from "@backstage/catalog-model";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { NotFoundError, ValidationError } from "../errors";
import { assertOrgAdmin } from "../scope";

export interface OwnerMapping {
  ownerRef: string;
  team: { id: string; name: string };
  createdAt: Date;
}

/** An owner as the catalogue writes it (`payments`, `group:payments`, `group:default/payments`), in its full form. */
export function normaliseOwnerRef(value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value.trim(), { defaultKind: "group", defaultNamespace: "default" });
  } catch {
    throw new ValidationError("Write the owner as the catalogue does: group:default/payments, or payments.", { ownerRef: ["Not an entity reference."] });
  }
  const full = stringifyEntityRef(ref);
  if (!/^(group|user):[a-z0-9][a-z0-9._-]{0,62}\/[a-z0-9][a-z0-9._-]{0,62}$/i.test(full)) {
    throw new ValidationError("An owner is a group or a user: group:default/payments.", { ownerRef: ["Owners are groups or users."] });
  }
  return full.toLowerCase();
}

export async function listOwnerMappings(principal: Principal): Promise<OwnerMapping[]> {
  assertOrgAdmin(principal);
  const rows = await getPrisma().catalogOwner.findMany({ orderBy: { ownerRef: "asc" }, include: { team: { select: { id: true, name: true } } } });
  return rows.map((row) => ({ ownerRef: row.ownerRef, team: row.team, createdAt: row.createdAt }));
}

/** Says which team answers for a catalogue owner (or changes it); the next sync follows it. */
export async function mapOwner(principal: Principal, input: { ownerRef: string; teamId: string }, context: RequestContext, now = new Date()): Promise<string> {
  assertOrgAdmin(principal);
  const ownerRef = normaliseOwnerRef(input.ownerRef);
  return getPrisma().$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
    if (!team) throw new ValidationError("Choose a team.", { teamId: ["Choose a team."] });
    const before = await tx.catalogOwner.findUnique({ where: { ownerRef } });
    if (before?.teamId === team.id) return ownerRef;
    await tx.catalogOwner.upsert({ where: { ownerRef }, create: { ownerRef, teamId: team.id }, update: { teamId: team.id } });
    await recordAuditEvent(tx, {
      action: "catalog_owner.mapped",
      ...eventBy(principal, context, now),
      ...about("catalog_owner", ownerRef, team.id),
      before: before ? { teamId: before.teamId } : undefined,
      after: { ownerRef, teamId: team.id },
    });
    return ownerRef;
  });
}

export async function unmapOwner(principal: Principal, ownerRef: string, context: RequestContext, now = new Date()): Promise<void> {
  assertOrgAdmin(principal);
  await getPrisma().$transaction(async (tx) => {
    const before = await tx.catalogOwner.findUnique({ where: { ownerRef } });
    if (!before) throw new NotFoundError();
    await tx.catalogOwner.delete({ where: { ownerRef } });
    await recordAuditEvent(tx, {
      action: "catalog_owner.unmapped",
      ...eventBy(principal, context, now),
      ...about("catalog_owner", ownerRef, before.teamId),
      before: { ownerRef, teamId: before.teamId },
    });
  });
}
