import "server-only";
import { about, recordAuditEvent, requestOf, eventBy, type RequestContext } from "../audit/record";
import { can, type Principal } from "../auth/policy";
import { principalInclude, toPrincipal } from "../auth/sessions";
import { getPrisma } from "../db/prisma";
import { getEnv } from "../env";
import { ApiError } from "./errors";
import { bearerToken, hashApiToken } from "./token-format";
import { tokenScopes, TOKEN_SCOPE_ROLE } from "../vocabulary/records";

export interface ApiCaller {
  principal: Principal;
  token: { id: string; teamId: string; scope: "submit_evidence" | "read" };
  /** This token's standing in the current minute, sent back as RateLimit headers. */
  rateLimit: RateLimitHeaders;
}

export type RateLimitHeaders = Record<"RateLimit-Limit" | "RateLimit-Remaining" | "RateLimit-Reset" | "RateLimit-Policy", string>;

/**
 * The rate-limit headers of the IETF httpapi draft (limit, remaining and seconds
 * to reset of the current one-minute window, and the policy), on every answer to
 * a token, the refusals included.
 */
export function rateLimitHeaders(limit: number, used: number, resetSeconds: number): RateLimitHeaders {
  return {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, limit - used)),
    "RateLimit-Reset": String(resetSeconds),
    "RateLimit-Policy": `${limit};w=60`,
  };
}

/** A refused API, catalogue or SCIM request, audited (`api.refused`) with the token it named, if any. */
export async function recordApiRefusal(
  reason: string,
  context: { ipAddress: string | null; userAgent: string | null; method: string; path: string },
  token?: { kind: "api_token" | "integration_token"; id: string; teamId?: string },
) {
  const label = token?.kind === "integration_token" ? "Integration token" : "API token";
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "api.refused",
      actorLabel: token ? `${label} ${token.id}` : "anonymous",
      teamId: token?.teamId ?? null,
      targetType: token?.kind ?? null,
      targetId: token?.id ?? null,
      ...requestOf(context),
      after: { reason, method: context.method, path: context.path },
    }),
  );
}

const refuse = (reason: string, context: Parameters<typeof recordApiRefusal>[1], tokenId?: string, teamId?: string) =>
  recordApiRefusal(reason, context, tokenId ? { kind: "api_token", id: tokenId, teamId } : undefined);

/**
 * Who is calling the API: the bearer token, checked against Postgres on every
 * request (revoked, expired, or its creator no longer allowed to hold it all
 * refuse), counted against the per-minute limit, and recorded: every use is an
 * audit event. Refusals are audited too.
 */
export async function authenticateApiRequest(request: Request, context: RequestContext, now: Date = new Date()): Promise<ApiCaller> {
  const url = new URL(request.url);
  const where = { ...context, method: request.method, path: url.pathname };
  const presented = bearerToken(request.headers.get("authorization"));
  if (!presented) {
    await refuse("no token", where);
    throw new ApiError("unauthorized", "Send an API token in the Authorization header: Bearer tf_…");
  }
  const prisma = getPrisma();
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(presented) },
    include: { createdBy: { include: principalInclude(now) } },
  });
  if (!token) {
    await refuse("unknown token", where);
    throw new ApiError("unauthorized", "This API token is not valid.");
  }
  if (token.revokedAt) {
    await refuse("revoked", where, token.id, token.teamId);
    throw new ApiError("token_revoked", "This API token has been revoked.");
  }
  if (token.expiresAt <= now) {
    await refuse("expired", where, token.id, token.teamId);
    throw new ApiError("token_expired", "This API token has expired; create a new one.");
  }
  const creatorPrincipal = token.createdBy && !token.createdBy.disabledAt ? toPrincipal(token.createdBy) : null;
  // A token lives only as long as its creator may hold it.
  if (!creatorPrincipal || !can(creatorPrincipal, "token.manage", { teamId: token.teamId }, now)) {
    await refuse("creator lost access", where, token.id, token.teamId);
    throw new ApiError("unauthorized", "The person who created this API token no longer has access; create a new token.");
  }

  const limit = getEnv().API_RATE_LIMIT_PER_MINUTE;
  const window = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [counted] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO api_rate_windows (token_id, window_start, count) VALUES (${token.id}::uuid, ${window}, 1)
    ON CONFLICT (token_id, window_start) DO UPDATE SET count = api_rate_windows.count + 1
    RETURNING count`;
  const used = counted?.count ?? 0;
  const reset = Math.max(1, Math.ceil((window.getTime() + 60_000 - now.getTime()) / 1000));
  const rateLimit = rateLimitHeaders(limit, used, reset);
  if (used > limit) {
    if (used === limit + 1) await refuse("rate limited", where, token.id, token.teamId);
    throw new ApiError("rate_limited", `This token may make ${limit} requests a minute. Try again in ${reset} s.`, undefined, {
      "Retry-After": String(reset),
      ...rateLimit,
    });
  }

  const principal: Principal = {
    userId: creatorPrincipal.userId,
    email: creatorPrincipal.email,
    name: `${token.name} (API token)`,
    isAdmin: false,
    memberships: [{ teamId: token.teamId, role: TOKEN_SCOPE_ROLE[tokenScopes.fromDb(token.scope)] }],
    orgAuditorUntil: null,
    apiToken: { id: token.id, name: token.name, prefix: token.prefix },
  };
  await prisma.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now, lastUsedIp: context.ipAddress } });
    await recordAuditEvent(tx, {
      action: "api.request",
      ...eventBy(principal, context, now),
      ...about("api_token", token.id, token.teamId),
      after: { method: request.method, path: url.pathname },
    });
    // Old windows are of no use; clear them now and then.
    if (Math.random() < 0.02) await tx.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3_600_000) } } });
  });
  return { principal, token: { id: token.id, teamId: token.teamId, scope: tokenScopes.fromDb(token.scope) }, rateLimit };
}
