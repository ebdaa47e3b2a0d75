import "server-only";
import { sha256Hex } from "../../canonical-json";
import type { Principal } from "../../auth/policy";
import type { TeamRole } from "../../vocabulary/roles";
import { IDLE_TIMEOUT_MS } from "../../auth/sessions";
import { getPrisma } from "../../db/prisma";
import { NotFoundError } from "../errors";
import { teamRoles } from "../../vocabulary/roles";

export interface Account {
  name: string;
  email: string;
  isAdmin: boolean;
  hasPassword: boolean;
  signsInWithSso: boolean;
  roles: { team: string; role: TeamRole }[];
  orgAuditorUntil: Date | null;
  sessions: { createdAt: Date; lastSeenAt: Date; ipAddress: string | null; userAgent: string | null; current: boolean }[];
  recentSecurityEvents: { occurredAt: Date; action: string; ipAddress: string | null }[];
}

/** The principal's own account: who they are, what they hold, where they are signed in. */
export async function getAccount(principal: Principal, sessionSecret: string | null, now: Date = new Date()): Promise<Account> {
  const prisma = getPrisma();
  const [user, sessions, events] = await Promise.all([
    prisma.user.findUnique({
      where: { id: principal.userId },
      select: {
        name: true,
        email: true,
        isAdmin: true,
        passwordHash: true,
        _count: { select: { accounts: true } },
        memberships: { select: { role: true, team: { select: { name: true } } }, orderBy: { team: { name: "asc" } } },
      },
    }),
    prisma.session.findMany({
      where: { userId: principal.userId, endedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) } },
      orderBy: { lastSeenAt: "desc" },
      take: 20,
      select: { tokenHash: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true },
    }),
    prisma.auditEvent.findMany({
      where: { actorId: principal.userId, category: "SECURITY" },
      orderBy: { id: "desc" },
      take: 10,
      select: { occurredAt: true, action: true, ipAddress: true },
    }),
  ]);
  if (!user) throw new NotFoundError();
  const current = sessionSecret ? sha256Hex(sessionSecret) : null;
  return {
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    hasPassword: user.passwordHash !== null,
    signsInWithSso: user._count.accounts > 0,
    roles: user.memberships.map((m) => ({ team: m.team.name, role: teamRoles.fromDb(m.role) })),
    orgAuditorUntil: principal.orgAuditorUntil,
    sessions: sessions.map(({ tokenHash, ...session }) => ({ ...session, current: tokenHash === current })),
    recentSecurityEvents: events,
  };
}
