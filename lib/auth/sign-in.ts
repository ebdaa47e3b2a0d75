// Password sign-in: throttled per account and address (lib/auth/throttle.ts), one generic answer
// for every failure (so nobody learns whether an account exists), every
// attempt recorded, and a new server-side session on success.
import { z } from "zod";
import { recordAuditEvent, requestOf } from "../audit/record";
import type { PrismaClient } from "../generated/prisma/client";
import { cleanText, clip } from "../text/clean";
import { hashPassword, PASSWORD_MAX, verifyPassword } from "./password";
import { createSession, newSessionSecret } from "./sessions";
import { isThrottled, type AttemptHistory } from "./throttle";

export const SIGN_IN_FAILED = "Sign-in failed. Check your email and password, or try again in a few minutes.";

const HOUR = 60 * 60_000;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(PASSWORD_MAX),
});

export interface SignInContext {
  ipAddress: string | null;
  userAgent: string | null;
}

export type SignInResult = { ok: true; user: { id: string; email: string; name: string }; sessionSecret: string } | { ok: false };

// Unknown accounts still cost one argon2 verification, so timing does not tell.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword("not a real password, only a timing shield"));

/** Recent failures for an account, an address and the two together, for the throttle. */
export async function attemptHistory(prisma: PrismaClient, email: string, ip: string, now: Date): Promise<AttemptHistory> {
  // Counted in SQL: under a brute-force attack the rows behind these counts grow.
  const since = new Date(now.getTime() - HOUR);
  const lastSuccess = await prisma.signInAttempt.findFirst({
    where: { email, ipAddress: ip, succeeded: true, attemptedAt: { gt: since } },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  const pairFailures = (after: Date) => ({ email, ipAddress: ip, succeeded: false, attemptedAt: { gt: after } });
  const [accountFailuresLastHour, pairFailuresLastHour, addressFailuresLastHour, consecutiveFailures, lastFailure] = await Promise.all([
    prisma.signInAttempt.count({ where: { email, succeeded: false, attemptedAt: { gt: since } } }),
    prisma.signInAttempt.count({ where: pairFailures(since) }),
    prisma.signInAttempt.count({ where: { ipAddress: ip, succeeded: false, attemptedAt: { gt: since } } }),
    prisma.signInAttempt.count({ where: pairFailures(lastSuccess?.attemptedAt ?? since) }),
    prisma.signInAttempt.findFirst({ where: pairFailures(since), orderBy: { attemptedAt: "desc" }, select: { attemptedAt: true } }),
  ]);
  return { accountFailuresLastHour, pairFailuresLastHour, addressFailuresLastHour, consecutiveFailures, lastFailureAt: lastFailure?.attemptedAt ?? null };
}

export async function attemptSignIn(
  prisma: PrismaClient,
  input: { email: unknown; password: unknown },
  context: SignInContext,
  now: Date = new Date(),
): Promise<SignInResult> {
  const ip = context.ipAddress ?? "unknown";
  const parsed = credentialsSchema.safeParse({ email: typeof input.email === "string" ? cleanText(input.email) : input.email, password: input.password });
  // A malformed email is still recorded (cut to the column's length, never inside a character).
  const email = parsed.success
    ? parsed.data.email
    : clip(
        cleanText(String(input.email ?? ""))
          .trim()
          .toLowerCase(),
        254,
      );

  const fail = async (reason: string, actorId: string | null = null): Promise<SignInResult> => {
    await prisma.$transaction(async (tx) => {
      // A refusal by the throttle guessed nothing: it is audited, but not counted, so it cannot prolong itself.
      if (reason !== "throttled") await tx.signInAttempt.create({ data: { email, ipAddress: ip, succeeded: false, attemptedAt: now } });
      await recordAuditEvent(tx, {
        action: "auth.sign_in_failed",
        actorId,
        actorLabel: email || "(no email)",
        ...requestOf(context),
        after: { reason },
        occurredAt: now,
      });
    });
    return { ok: false };
  };

  if (!parsed.success) return fail("malformed");
  if (isThrottled(await attemptHistory(prisma, email, ip, now), now)) return fail("throttled");

  const user = await prisma.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummy()), parsed.data.password);
  if (!user || !user.passwordHash || !valid) return fail(user ? "wrong_password" : "unknown_account", user?.id ?? null);
  if (user.disabledAt) return fail("disabled", user.id);
  // An administrator's one-time password works for 24 hours only.
  if (user.passwordExpiresAt && user.passwordExpiresAt <= now) return fail("password_expired", user.id);

  const sessionSecret = newSessionSecret();
  await prisma.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email, ipAddress: ip, succeeded: true, attemptedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAuditEvent(tx, {
      action: "auth.sign_in",
      actorId: user.id,
      actorLabel: user.email,
      ...requestOf(context),
      occurredAt: now,
    });
    await createSession(tx, { userId: user.id, secret: sessionSecret, ...context, now });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionSecret };
}
