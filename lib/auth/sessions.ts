// Server-side session records behind the signed Auth.js cookie. The cookie
// holds a random session secret; Postgres holds its hash, its limits and
// whether it has ended, so sign-out, disabling a user and expiry apply on the
// next request whichever instance serves it.
import { randomBytes } from "node:crypto";
import { sha256Hex } from "../canonical-json";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { teamRoles } from "../vocabulary/roles";
import type { Principal } from "./policy";

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
// lastSeenAt is refreshed at most this often, to spare a write per request.
const TOUCH_INTERVAL_MS = 60_000;

export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSession(
  db: Prisma.TransactionClient,
  input: { userId: string; secret: string; ipAddress: string | null; userAgent: string | null; now: Date },
): Promise<void> {
  await db.session.create({
    data: {
      userId: input.userId,
      tokenHash: sha256Hex(input.secret),
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + ABSOLUTE_TIMEOUT_MS),
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
    },
  });
}

/** What a principal is built from: the user's memberships and auditor grants in force. */
export const principalInclude = (now: Date) =>
  ({
    memberships: { select: { teamId: true, role: true } },
    auditorGrants: { where: { revokedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true } },
  }) satisfies Prisma.UserInclude;

type PrincipalUser = Prisma.UserGetPayload<{ include: ReturnType<typeof principalInclude> }>;

export function toPrincipal(user: PrincipalUser): Principal {
  if (user.mustChangePassword) {
    return { userId: user.id, email: user.email, name: user.name, isAdmin: false, memberships: [], orgAuditorUntil: null, mustChangePassword: true };
  }
  const grantEnds = user.auditorGrants.map((g) => g.expiresAt.getTime());
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    memberships: user.memberships.map((m) => ({ teamId: m.teamId, role: teamRoles.fromDb(m.role) })),
    orgAuditorUntil: grantEnds.length ? new Date(Math.max(...grantEnds)) : null,
  };
}

/** The one read every signed-in request makes: its session, user, roles and grants. */
export function readSession(prisma: PrismaClient, tokenHash: string, now: Date) {
  return prisma.session.findUnique({ where: { tokenHash }, include: { user: { include: principalInclude(now) } } });
}

/** The principal behind a session secret, or null if the session is not live. */
export async function principalForSession(prisma: PrismaClient, secret: string, now: Date = new Date()): Promise<Principal | null> {
  const session = await readSession(prisma, sha256Hex(secret), now);
  if (!session || session.endedAt || session.user.disabledAt) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return toPrincipal(session.user);
}

/**
 * A user's principal as of now, for work done on their behalf outside a request
 * (a queued export): their current roles and grants, or null once disabled.
 */
export async function principalForUser(prisma: PrismaClient, userId: string, now: Date = new Date()): Promise<Principal | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: principalInclude(now) });
  return user && !user.disabledAt ? toPrincipal(user) : null;
}

export async function endSession(prisma: PrismaClient, secret: string, now: Date = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { tokenHash: sha256Hex(secret), endedAt: null }, data: { endedAt: now } });
}
