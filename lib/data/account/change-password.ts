import "server-only";
import { sha256Hex } from "../../canonical-json";
import { about, recordAuditEvent, eventBy, type RequestContext } from "../../audit/record";
import { hashPassword, verifyPassword } from "../../auth/password";
import type { Principal } from "../../auth/policy";
import { attemptHistory } from "../../auth/sign-in";
import { isThrottled } from "../../auth/throttle";
import { getPrisma } from "../../db/prisma";
import { NotFoundError, ValidationError } from "../errors";

export const CURRENT_PASSWORD_REFUSED = "Your current password was not accepted. Check it, or try again in a few minutes.";

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordChangeContext extends RequestContext {
  /** The session making the change: it stays signed in, every other one ends. */
  sessionSecret: string | null;
}

/**
 * Changes the principal's own password. The current password is checked under
 * the sign-in throttle (a wrong guess counts as a failed sign-in), so a
 * session left open cannot be used to brute-force it.
 */
export async function changeOwnPassword(principal: Principal, input: PasswordChange, context: PasswordChangeContext, now: Date = new Date()): Promise<void> {
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { id: principal.userId }, select: { id: true, email: true, passwordHash: true } });
  if (!user) throw new NotFoundError();
  if (!user.passwordHash) throw new ValidationError("Your account signs in through single sign-on; change your password with your identity provider.");
  const ip = context.ipAddress ?? "unknown";
  const throttled = isThrottled(await attemptHistory(prisma, user.email, ip, now), now);
  if (throttled || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await prisma.$transaction(async (tx) => {
      await tx.signInAttempt.create({ data: { email: user.email, ipAddress: ip, succeeded: false, attemptedAt: now } });
      await recordAuditEvent(tx, {
        action: "user.password_change_failed",
        ...eventBy(principal, context, now),
        ...about("user", user.id),
        after: { reason: throttled ? "throttled" : "wrong_password" },
      });
    });
    throw new ValidationError(CURRENT_PASSWORD_REFUSED, { currentPassword: [CURRENT_PASSWORD_REFUSED] });
  }
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError("Choose a password you are not using now.", { newPassword: ["Choose a password you are not using now."] });
  }
  if (input.newPassword.trim().toLowerCase() === user.email) {
    throw new ValidationError("Your password cannot be your email address.", { newPassword: ["Your password cannot be your email address."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const keep = context.sessionSecret ? sha256Hex(context.sessionSecret) : null;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordExpiresAt: null, mustChangePassword: false } });
    const ended = await tx.session.updateMany({
      where: { userId: user.id, endedAt: null, ...(keep ? { tokenHash: { not: keep } } : {}) },
      data: { endedAt: now },
    });
    await recordAuditEvent(tx, {
      action: "user.password_changed",
      ...eventBy(principal, context, now),
      ...about("user", user.id),
      after: { otherSessionsEnded: ended.count },
    });
  });
}
