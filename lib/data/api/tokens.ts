import "server-only";
import { about, recordAuditEvent, eventBy } from "../../audit/record";
import { can, type Principal } from "../../auth/policy";
import type { TokenScope } from "../../vocabulary/records";
import { getPrisma } from "../../db/prisma";
import { hashApiToken, newApiToken, tokenPrefix } from "../../api/token-format";
import { NotFoundError } from "../errors";
import { assertTeamPermission } from "../scope";
import { tokenScopes } from "../../vocabulary/records";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  team: { id: string; name: string; slug: string };
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  state: "active" | "expired" | "revoked";
}

type Context = { ipAddress: string | null; userAgent: string | null };

/** The teams whose tokens the principal may manage: the ones it leads, or all for admins. */
export async function teamsForTokens(principal: Principal): Promise<{ id: string; name: string; slug: string }[]> {
  const teams = await getPrisma().team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } });
  return teams.filter((t) => can(principal, "token.manage", { teamId: t.id }));
}

export async function listTokens(principal: Principal, now: Date = new Date()): Promise<TokenRow[]> {
  const teams = await teamsForTokens(principal);
  const rows = await getPrisma().apiToken.findMany({
    where: { teamId: { in: teams.map((t) => t.id) } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: { team: { select: { id: true, name: true, slug: true } }, createdBy: { select: { name: true } } },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: tokenScopes.fromDb(t.scope),
    team: t.team,
    createdBy: t.createdBy?.name ?? null,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
    lastUsedIp: t.lastUsedIp,
    state: t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active",
  }));
}

/**
 * Creates a token for a team with a role and an expiry. Returns the token
 * itself once; only its hash is kept. Leads of the team and admins may.
 */
export async function createToken(
  principal: Principal,
  input: { teamId: string; name: string; scope: TokenScope; expiresInDays: number },
  context: Context,
  now: Date = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  assertTeamPermission(principal, "token.manage", input.teamId);
  const token = newApiToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix: tokenPrefix(token),
        tokenHash: hashApiToken(token),
        teamId: input.teamId,
        scope: tokenScopes.toDb(input.scope),
        createdById: principal.userId,
        expiresAt,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      action: "api_token.created",
      ...eventBy(principal, context, now),
      ...about("api_token", row.id, input.teamId),
      after: { name: input.name, prefix: row.prefix, scope: input.scope, expiresAt: expiresAt.toISOString() },
    });
    return { id: row.id, token, expiresAt };
  });
}

/** Revokes a token at once, on every instance (the next request checks it). */
export async function revokeToken(principal: Principal, input: { tokenId: string }, context: Context, now: Date = new Date()): Promise<void> {
  const prisma = getPrisma();
  const token = await prisma.apiToken.findUnique({
    where: { id: input.tokenId },
    select: { id: true, teamId: true, revokedAt: true, prefix: true, name: true },
  });
  if (!token || !can(principal, "token.manage", { teamId: token.teamId })) throw new NotFoundError();
  if (token.revokedAt) return;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now, revokedById: principal.userId } });
    if (count === 0) return;
    await recordAuditEvent(tx, {
      action: "api_token.revoked",
      ...eventBy(principal, context, now),
      ...about("api_token", token.id, token.teamId),
      after: { name: token.name, prefix: token.prefix },
    });
  });
}
