import "server-only";
import type { ScimPatchOperation } from "scim-patch";
import { recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { parseScimFilter } from "../../scim/filter";
import { patchResource } from "../../scim/patch";
import { groupResource, ScimError, scimGroupInput, type ScimGroupInput, type ScimGroupRecord } from "../../scim/resources";
import { syncGroupRoles } from "../admin/group-roles";
import { scimActor, type ScimContext, whereFor } from "./common";
import { assertMayProvision } from "./users";

type Db = Prisma.TransactionClient;

const include = { members: { include: { user: { select: { id: true, email: true } } } } } as const;
type Row = Prisma.ScimGroupGetPayload<{ include: typeof include }>;

function record(row: Row): ScimGroupRecord {
  return {
    id: row.id,
    displayName: row.displayName,
    externalId: row.externalId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    members: row.members.map((m) => m.user).sort((a, b) => a.email.localeCompare(b.email)),
  };
}

async function find(db: Pick<Db, "user" | "scimGroup">, id: string): Promise<Row> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await db.scimGroup.findUnique({ where: { id }, include }) : null;
  if (!row) throw new ScimError(404, `No group ${id}.`);
  return row;
}

export async function listScimGroups(principal: Principal, query: { filter?: string; startIndex: number; count: number }) {
  assertMayProvision(principal);
  const where = query.filter ? whereFor("Group", parseScimFilter("Group", query.filter)) : {};
  const prisma = getPrisma();
  const [total, rows] = await Promise.all([
    prisma.scimGroup.count({ where }),
    prisma.scimGroup.findMany({ where, include, orderBy: { createdAt: "asc" }, skip: query.startIndex - 1, take: query.count }),
  ]);
  return { total, groups: rows.map(record) };
}

export async function getScimGroup(principal: Principal, id: string): Promise<ScimGroupRecord> {
  assertMayProvision(principal);
  return record(await find(getPrisma(), id));
}

/** Every user whose groups changed gets the roles their groups now give (the same mappings as the OIDC claim). */
async function resync(tx: Db, userIds: Iterable<string>, context: ScimContext) {
  for (const userId of new Set(userIds)) {
    const groups = await tx.scimGroupMember.findMany({ where: { userId }, include: { group: { select: { displayName: true } } } });
    await syncGroupRoles(
      tx,
      userId,
      groups.map((g) => g.group.displayName),
      { via: "scim", ...scimActor(context) },
      context.now,
    );
  }
}

/** Sets a group's name and, when given, its whole member list; members must be users SCIM can see. */
async function write(tx: Db, row: Row | null, input: ScimGroupInput, context: ScimContext): Promise<string> {
  const clash = await tx.scimGroup.findFirst({
    where: { displayName: { equals: input.displayName, mode: "insensitive" }, ...(row ? { id: { not: row.id } } : {}) },
  });
  if (clash) throw new ScimError(409, `A group named ${input.displayName} exists.`, "uniqueness");
  const wanted = input.members ? [...new Set(input.members.map((m) => m.value))] : null;
  if (wanted) {
    const known = await tx.user.findMany({
      where: { id: { in: wanted.filter((v) => /^[0-9a-f-]{36}$/i.test(v)) }, scimDeletedAt: null },
      select: { id: true },
    });
    const unknown = wanted.filter((v) => !known.some((k) => k.id === v));
    if (unknown.length) throw new ScimError(400, `Not users here: ${unknown.slice(0, 5).join(", ")}.`, "invalidValue");
  }
  const group = row
    ? await tx.scimGroup.update({ where: { id: row.id }, data: { displayName: input.displayName, externalId: input.externalId ?? row.externalId } })
    : await tx.scimGroup.create({ data: { displayName: input.displayName, externalId: input.externalId ?? null } });
  const before = new Set(row?.members.map((m) => m.userId) ?? []);
  const after = new Set(wanted ?? before);
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  if (removed.length) await tx.scimGroupMember.deleteMany({ where: { groupId: group.id, userId: { in: removed } } });
  if (added.length) await tx.scimGroupMember.createMany({ data: added.map((userId) => ({ groupId: group.id, userId })) });
  const renamed = row !== null && row.displayName !== input.displayName;
  if (!row || renamed || added.length || removed.length) {
    await recordAuditEvent(tx, {
      action: row ? "scim_group.updated" : "scim_group.created",
      ...scimActor(context),
      targetType: "scim_group",
      targetId: group.id,
      before: row ? { displayName: row.displayName } : null,
      after: { displayName: input.displayName, added, removed },
    });
  }
  // A renamed group may match other mappings: all its members are looked at again.
  await resync(tx, renamed ? [...after, ...removed] : [...added, ...removed], context);
  return group.id;
}

export async function createScimGroup(principal: Principal, input: ScimGroupInput, context: ScimContext): Promise<ScimGroupRecord> {
  assertMayProvision(principal);
  return getPrisma().$transaction(async (tx) => record(await find(tx, await write(tx, null, input, context))));
}

export async function replaceScimGroup(principal: Principal, id: string, input: ScimGroupInput, context: ScimContext): Promise<ScimGroupRecord> {
  assertMayProvision(principal);
  return getPrisma().$transaction(async (tx) => {
    const row = await find(tx, id);
    // A PUT without members leaves them as they are; with them, they are the whole list.
    await write(tx, row, input, context);
    return record(await find(tx, id));
  });
}

export async function patchScimGroup(principal: Principal, id: string, operations: ScimPatchOperation[], context: ScimContext): Promise<ScimGroupRecord> {
  assertMayProvision(principal);
  return getPrisma().$transaction(async (tx) => {
    const row = await find(tx, id);
    const before = groupResource(record(row), context.base);
    const after = patchResource(before, operations);
    const parsed = scimGroupInput.safeParse({ ...after, members: after.members ?? [] });
    if (!parsed.success) throw new ScimError(400, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), "invalidValue");
    await write(tx, row, parsed.data, context);
    return record(await find(tx, id));
  });
}

export async function deleteScimGroup(principal: Principal, id: string, context: ScimContext): Promise<void> {
  assertMayProvision(principal);
  await getPrisma().$transaction(async (tx) => {
    const row = await find(tx, id);
    await tx.scimGroup.delete({ where: { id } });
    await recordAuditEvent(tx, {
      action: "scim_group.deleted",
      ...scimActor(context),
      targetType: "scim_group",
      targetId: id,
      before: { displayName: row.displayName },
    });
    await resync(
      tx,
      row.members.map((m) => m.userId),
      context,
    );
  });
}
