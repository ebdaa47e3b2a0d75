import "server-only";
import { randomBytes } from "node:crypto";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import { hashPassword, oneTimePassword } from "../../auth/password";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { NotFoundError, ValidationError } from "../errors";
import { assertOrgAdmin } from "../scope";

/** A one-time password for the admin to pass on; only its hash is stored. */
function temporaryPassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function createUser(
  principal: Principal,
  input: { email: string; name: string; isAdmin: boolean },
): Promise<{ id: string; temporaryPassword: string }> {
  assertOrgAdmin(principal);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return getPrisma().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ValidationError("A user with this email already exists.");
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, isAdmin: input.isAdmin, ...oneTimePassword(passwordHash) } });
    await recordAuditEvent(tx, {
      action: "user.created",
      ...actorOf(principal),
      ...about("user", user.id),
      after: { email: user.email, name: user.name, isAdmin: user.isAdmin },
    });
    return { id: user.id, temporaryPassword: password };
  });
}

export async function setUserDisabled(principal: Principal, input: { userId: string; disabled: boolean }): Promise<void> {
  assertOrgAdmin(principal);
  if (input.userId === principal.userId) throw new ValidationError("You cannot disable your own account.");
  const now = new Date();
  await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, disabledAt: true } });
    if (!user) throw new NotFoundError();
    if ((user.disabledAt !== null) === input.disabled) return;
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: input.disabled ? now : null } });
    // Open sessions end now, not at their expiry.
    if (input.disabled) await tx.session.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: now } });
    await recordAuditEvent(tx, {
      action: input.disabled ? "user.disabled" : "user.enabled",
      ...actorOf(principal),
      ...about("user", user.id),
      before: { disabled: user.disabledAt !== null },
      after: { disabled: input.disabled },
    });
  });
}

export async function resetUserPassword(principal: Principal, input: { userId: string }): Promise<{ temporaryPassword: string }> {
  assertOrgAdmin(principal);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const now = new Date();
  await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new NotFoundError();
    await tx.user.update({ where: { id: user.id }, data: oneTimePassword(passwordHash) });
    await tx.session.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: now } });
    await recordAuditEvent(tx, { action: "user.password_reset", ...actorOf(principal), targetType: "user", targetId: user.id });
  });
  return { temporaryPassword: password };
}
