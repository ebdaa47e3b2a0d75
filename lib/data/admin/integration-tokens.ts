import "server-only";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { hashApiToken, newIntegrationToken, tokenPrefix } from "../../api/token-format";
import { getPrisma } from "../../db/prisma";
import { integrationPurposes, type IntegrationPurpose } from "../../vocabulary/records";
import { NotFoundError } from "../errors";
import { assertOrgAdmin } from "../scope";

export interface IntegrationTokenRow {
  id: string;
  name: string;
  prefix: string;
  purpose: IntegrationPurpose;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  state: "active" | "expired" | "revoked";
}

export async function listIntegrationTokens(principal: Principal, purpose: IntegrationPurpose, now = new Date()): Promise<IntegrationTokenRow[]> {
  assertOrgAdmin(principal);
  const rows = await getPrisma().integrationToken.findMany({
    where: { purpose: integrationPurposes.toDb(purpose) },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: { createdBy: { select: { name: true } } },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    purpose,
    createdBy: t.createdBy?.name ?? null,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    state: t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active",
  }));
}

/** An organisation-wide token for one integration; shown once, only its hash kept. Admins only. */
export async function createIntegrationToken(
  principal: Principal,
  input: { name: string; purpose: IntegrationPurpose; expiresInDays: number },
  context: RequestContext,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  assertOrgAdmin(principal);
  const token = newIntegrationToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.integrationToken.create({
      data: {
        name: input.name,
        prefix: tokenPrefix(token),
        tokenHash: hashApiToken(token),
        purpose: integrationPurposes.toDb(input.purpose),
        createdById: principal.userId,
        expiresAt,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      action: "integration_token.created",
      ...eventBy(principal, context, now),
      ...about("integration_token", row.id),
      after: { name: input.name, prefix: row.prefix, purpose: input.purpose, expiresAt: expiresAt.toISOString() },
    });
    return { id: row.id, token, expiresAt };
  });
}

export async function revokeIntegrationToken(principal: Principal, tokenId: string, context: RequestContext, now = new Date()): Promise<void> {
  assertOrgAdmin(principal);
  await getPrisma().$transaction(async (tx) => {
    const token = await tx.integrationToken.findUnique({ where: { id: tokenId } });
    if (!token) throw new NotFoundError();
    const { count } = await tx.integrationToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return;
    await recordAuditEvent(tx, {
      action: "integration_token.revoked",
      ...eventBy(principal, context, now),
      ...about("integration_token", token.id),
      after: { name: token.name, prefix: token.prefix },
    });
  });
}
