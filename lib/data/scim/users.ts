import "server-only";
import type { ScimPatchOperation } from "scim-patch";
import { recordAuditEvent } from "../../audit/record";
import { can, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { parseScimFilter } from "../../scim/filter";
import { patchResource } from "../../scim/patch";
import { displayNameOf, ScimError, scimUserInput, userResource, type ScimUserInput, type ScimUserRecord } from "../../scim/resources";
import { syncGroupRoles } from "../admin/group-roles";
import { scimActor, type ScimContext, whereFor } from "./common";

type Db = Prisma.TransactionClient;

const include = { scimGroups: { include: { group: { select: { id: true, displayName: true } } } } } as const;
type Row = Prisma.UserGetPayload<{ include: typeof include }>;

function record(row: Row): ScimUserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.disabledAt === null,
    externalId: row.scimExternalId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    groups: row.scimGroups.map((m) => m.group).sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}

export function assertMayProvision(principal: Principal): void {
  if (!can(principal, "scim.provision", "org")) throw new ScimError(403, "This token may not provision users.");
}

/** A user SCIM may see: any account not deleted over SCIM (so an IdP finds and links the accounts there already are). */
async function find(db: Pick<Db, "user" | "scimGroup">, id: string): Promise<Row> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await db.user.findFirst({ where: { id, scimDeletedAt: null }, include }) : null;
  if (!row) throw new ScimError(404, `No user ${id}.`);
  return row;
}

export async function listScimUsers(principal: Principal, query: { filter?: string; startIndex: number; count: number }) {
  assertMayProvision(principal);
  const where: Prisma.UserWhereInput = { scimDeletedAt: null, ...(query.filter ? whereFor("User", parseScimFilter("User", query.filter)) : {}) };
  const prisma = getPrisma();
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({ where, include, orderBy: { createdAt: "asc" }, skip: query.startIndex - 1, take: query.count }),
  ]);
  return { total, users: rows.map(record) };
}

export async function getScimUser(principal: Principal, id: string): Promise<ScimUserRecord> {
  assertMayProvision(principal);
  return record(await find(getPrisma(), id));
}

/** Sets what SCIM keeps of a user; `active` false disables them and ends every session at once. */
async function write(
  tx: Db,
  row: { id: string; email: string; name: string; disabledAt: Date | null; scimExternalId: string | null },
  input: ScimUserInput,
  context: ScimContext,
) {
  const actor = scimActor(context);
  const email = input.userName.toLowerCase();
  if (email !== row.email && (await tx.user.findFirst({ where: { email, id: { not: row.id } }, select: { id: true } }))) {
    throw new ScimError(409, `Another account has the email ${email}.`, "uniqueness");
  }
  const name = displayNameOf(input);
  const externalId = input.externalId ?? row.scimExternalId;
  const disable = input.active === false && row.disabledAt === null;
  const enable = input.active === true && row.disabledAt !== null;
  await tx.user.update({
    where: { id: row.id },
    data: { email, name, scimExternalId: externalId, ...(disable ? { disabledAt: context.now } : enable ? { disabledAt: null } : {}) },
  });
  if (email !== row.email || name !== row.name) {
    await recordAuditEvent(tx, {
      action: "user.updated",
      ...actor,
      targetType: "user",
      targetId: row.id,
      before: { email: row.email, name: row.name },
      after: { email, name, via: "scim" },
    });
  }
  if (disable) {
    // Signed out everywhere now, not at the sessions' expiry; API tokens they made stop with them (lib/api/authenticate.ts).
    await tx.session.updateMany({ where: { userId: row.id, endedAt: null }, data: { endedAt: context.now } });
    await recordAuditEvent(tx, { action: "user.disabled", ...actor, targetType: "user", targetId: row.id, after: { via: "scim" } });
  }
  if (enable) await recordAuditEvent(tx, { action: "user.enabled", ...actor, targetType: "user", targetId: row.id, after: { via: "scim" } });
}

export async function createScimUser(principal: Principal, input: ScimUserInput, context: ScimContext): Promise<ScimUserRecord> {
  assertMayProvision(principal);
  return getPrisma().$transaction(async (tx) => {
    const email = input.userName.toLowerCase();
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing && !existing.scimDeletedAt)
      throw new ScimError(409, `A user with userName ${email} exists; find it with filter=userName eq "${email}".`, "uniqueness");
    // Deleted over SCIM before: the same account comes back (its history names it), with no session and no group role.
    const row = existing ?? (await tx.user.create({ data: { email, name: displayNameOf(input), scimExternalId: input.externalId ?? null } }));
    if (existing) await tx.user.update({ where: { id: existing.id }, data: { scimDeletedAt: null } });
    else await recordAuditEvent(tx, { action: "user.created", ...scimActor(context), targetType: "user", targetId: row.id, after: { email, via: "scim" } });
    await write(tx, { ...row, disabledAt: existing ? existing.disabledAt : null }, input, context);
    return record(await find(tx, row.id));
  });
}

export async function replaceScimUser(principal: Principal, id: string, input: ScimUserInput, context: ScimContext): Promise<ScimUserRecord> {
  assertMayProvision(principal);
  return getPrisma().$transaction(async (tx) => {
    const row = await find(tx, id);
    await write(tx, row, input, context);
    return record(await find(tx, id));
  });
}

/** RFC 7644 §3.5.2 PATCH, applied by scim-patch to the user as SCIM shows it, then written like a PUT. */
export async function patchScimUser(principal: Principal, id: string, operations: ScimPatchOperation[], context: ScimContext): Promise<ScimUserRecord> {
  assertMayProvision(principal);
  return getPrisma().$transaction(async (tx) => {
    const row = await find(tx, id);
    const before = userResource(record(row), context.base);
    const after = patchResource(before, operations);
    // userName is the email; a client that changes only the work email (as Entra does) changes it too.
    const emails = after.emails as { value?: unknown }[] | undefined;
    const mail = typeof emails?.[0]?.value === "string" ? emails[0].value : undefined;
    const userName = after.userName !== before.userName ? after.userName : mail && mail !== before.emails[0]!.value ? mail : before.userName;
    const displayName = after.displayName !== before.displayName ? after.displayName : undefined;
    const parsed = scimUserInput.safeParse({ ...after, userName, displayName, name: displayName ? undefined : after.name });
    if (!parsed.success) throw new ScimError(400, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), "invalidValue");
    await write(tx, row, parsed.data, context);
    return record(await find(tx, id));
  });
}

/**
 * RFC 7644 §3.6 DELETE: the user is gone from SCIM's view (404 from then on),
 * cannot sign in, loses every session and every group-given role. The account
 * stays, since assessments, findings and the audit trail name it.
 */
export async function deleteScimUser(principal: Principal, id: string, context: ScimContext): Promise<void> {
  assertMayProvision(principal);
  await getPrisma().$transaction(async (tx) => {
    const row = await find(tx, id);
    await tx.user.update({ where: { id }, data: { scimDeletedAt: context.now, disabledAt: row.disabledAt ?? context.now } });
    await tx.session.updateMany({ where: { userId: id, endedAt: null }, data: { endedAt: context.now } });
    await tx.scimGroupMember.deleteMany({ where: { userId: id } });
    await syncGroupRoles(tx, id, [], { via: "scim", ...scimActor(context) }, context.now);
    await recordAuditEvent(tx, { action: "user.disabled", ...scimActor(context), targetType: "user", targetId: id, after: { via: "scim", deleted: true } });
  });
}
