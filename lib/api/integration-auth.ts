import "server-only";
import type { RequestContext } from "../audit/record";
import { recordApiRefusal } from "./authenticate";
import type { Principal } from "../auth/policy";
import { getPrisma } from "../db/prisma";
import { integrationPurposes, type IntegrationPurpose } from "../vocabulary/records";
import { ApiError } from "./errors";
import { bearerIntegrationToken, hashApiToken } from "./token-format";

const refuse = (reason: string, context: Parameters<typeof recordApiRefusal>[1], tokenId?: string) =>
  recordApiRefusal(reason, context, tokenId ? { kind: "integration_token", id: tokenId } : undefined);

/**
 * Who is calling an integration endpoint: an organisation-wide token made for
 * this purpose, checked against Postgres on every request. It is refused when
 * revoked, expired, made for another purpose, or when its maker is no longer an
 * enabled admin. The principal it gives may do the purpose's one action only
 * (lib/auth/policy.ts). Refusals are audited; uses mark the token's last use.
 */
export async function authenticateIntegration(request: Request, purpose: IntegrationPurpose, context: RequestContext, now = new Date()): Promise<Principal> {
  const where = { ...context, method: request.method, path: new URL(request.url).pathname };
  const presented = bearerIntegrationToken(request.headers.get("authorization"));
  if (!presented) {
    await refuse("no token", where);
    throw new ApiError(
      "unauthorized",
      `Send an integration token for ${integrationPurposes.label(purpose).toLowerCase()} in the Authorization header: Bearer tfi_…`,
    );
  }
  const prisma = getPrisma();
  const token = await prisma.integrationToken.findUnique({ where: { tokenHash: hashApiToken(presented) }, include: { createdBy: true } });
  if (!token || token.purpose !== integrationPurposes.toDb(purpose)) {
    await refuse(token ? "wrong purpose" : "unknown token", where, token?.id);
    throw new ApiError("unauthorized", "This token is not valid here.");
  }
  if (token.revokedAt) {
    await refuse("revoked", where, token.id);
    throw new ApiError("token_revoked", "This token has been revoked.");
  }
  if (token.expiresAt <= now) {
    await refuse("expired", where, token.id);
    throw new ApiError("token_expired", "This token has expired; create a new one.");
  }
  const maker = token.createdBy;
  if (!maker || maker.disabledAt || !maker.isAdmin) {
    await refuse("creator lost access", where, token.id);
    throw new ApiError("unauthorized", "The admin who made this token no longer is one; create a new token.");
  }
  // Last use to the minute: a provisioning burst does not write once per request.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.integrationToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    userId: maker.id,
    email: maker.email,
    name: `${token.name} (integration token)`,
    isAdmin: false,
    memberships: [],
    orgAuditorUntil: null,
    integration: { id: token.id, name: token.name, prefix: token.prefix, purpose },
  };
}
