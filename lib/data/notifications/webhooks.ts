// Team webhooks: HTTPS endpoints a team's lead (or an admin) registers for
// chosen kinds of notification. The URL is checked against server-side request
// forgery here (and again at every send); the signing secret is shown once and
// kept sealed (lib/notify/seal.ts).
import "server-only";
import { lookup } from "node:dns/promises";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import { can, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { getEnv } from "../../env";
import type { NotificationKind } from "../../notify/kinds";
import { newWebhookSecret, sealSecret } from "../../notify/seal";
import { checkEndpointUrl, maskEndpoint, parseAllowedHosts, privateAmong } from "../../notify/ssrf";
import { NotFoundError, ValidationError } from "../errors";

export type WebhookFormatName = "standard" | "slack" | "teams";
const FORMAT_DB = { standard: "STANDARD", slack: "SLACK", teams: "TEAMS" } as const;

export const MAX_ENDPOINTS_PER_TEAM = 20;

/** The teams whose webhooks a principal manages: those they lead, every team for admins. */
export async function webhookTeams(principal: Principal): Promise<{ id: string; name: string }[]> {
  if (principal.apiToken || principal.integration) return [];
  const teams = await getPrisma().team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return teams.filter((t) => can(principal, "webhook.manage", { teamId: t.id }));
}

export async function listWebhooks(principal: Principal) {
  const teams = await webhookTeams(principal);
  // Everything but the sealed secret, and the address masked: no page needs either whole.
  const rows = await getPrisma().webhookEndpoint.findMany({
    where: { teamId: { in: teams.map((t) => t.id) } },
    orderBy: [{ createdAt: "asc" }],
    omit: { secretSealed: true },
    include: {
      team: { select: { name: true } },
      deliveries: { orderBy: { createdAt: "desc" }, take: 10, include: { event: { select: { kind: true, title: true } } } },
    },
  });
  return rows.map((row) => ({ ...row, url: maskEndpoint(row.url) }));
}

/** Where a URL may not be sent to, as a message; null when it may. */
export async function endpointProblem(text: string): Promise<string | null> {
  const allowedHosts = parseAllowedHosts(getEnv().WEBHOOK_ALLOWED_HOSTS);
  const verdict = checkEndpointUrl(text, allowedHosts);
  if (!verdict.ok) return `The address ${verdict.reason}.`;
  let addresses: string[];
  try {
    addresses = (await lookup(verdict.url.hostname.replace(/^\[|\]$/g, ""), { all: true })).map((a) => a.address);
  } catch {
    return "The address's host name does not resolve.";
  }
  const blocked = privateAmong(addresses, verdict.allowed);
  return blocked ? `The address resolves to a private or reserved address (${blocked}); an administrator may allow its host in WEBHOOK_ALLOWED_HOSTS.` : null;
}

export async function createWebhook(
  principal: Principal,
  input: { teamId: string; name: string; url: string; kinds: NotificationKind[]; format: WebhookFormatName },
  context: RequestContext,
): Promise<{ id: string; secret: string }> {
  if (!can(principal, "webhook.manage", { teamId: input.teamId })) throw new NotFoundError();
  const problem = await endpointProblem(input.url);
  if (problem) throw new ValidationError(problem, { url: [problem] });
  const secret = newWebhookSecret();
  const now = new Date();
  return getPrisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM teams WHERE id = ${input.teamId}::uuid FOR UPDATE`;
    const count = await tx.webhookEndpoint.count({ where: { teamId: input.teamId } });
    if (count >= MAX_ENDPOINTS_PER_TEAM) throw new ValidationError(`A team has at most ${MAX_ENDPOINTS_PER_TEAM} webhooks; remove one first.`);
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        teamId: input.teamId,
        name: input.name,
        url: input.url,
        kinds: input.kinds,
        format: FORMAT_DB[input.format],
        secretSealed: sealSecret(secret),
        createdById: principal.userId,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      action: "webhook.created",
      ...eventBy(principal, context, now),
      ...about("webhook", endpoint.id, input.teamId),
      // The address masked: a chat webhook's URL is its credential, and the trail is read by auditors.
      after: { name: input.name, url: maskEndpoint(input.url), kinds: input.kinds, format: input.format },
    });
    return { id: endpoint.id, secret };
  });
}

async function managed(principal: Principal, id: string) {
  const endpoint = await getPrisma().webhookEndpoint.findUnique({ where: { id }, select: { id: true, teamId: true, name: true, url: true, disabledAt: true } });
  if (!endpoint || !can(principal, "webhook.manage", { teamId: endpoint.teamId })) throw new NotFoundError();
  return endpoint;
}

export async function removeWebhook(principal: Principal, id: string, context: RequestContext): Promise<void> {
  const endpoint = await managed(principal, id);
  await getPrisma().$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAuditEvent(tx, {
      action: "webhook.removed",
      ...eventBy(principal, context, new Date()),
      ...about("webhook", endpoint.id, endpoint.teamId),
      before: { name: endpoint.name, url: maskEndpoint(endpoint.url) },
    });
  });
}

/** Enables a disabled endpoint again, its run of failures forgiven (after someone fixed the receiver). */
export async function enableWebhook(principal: Principal, id: string, context: RequestContext): Promise<void> {
  const endpoint = await managed(principal, id);
  if (!endpoint.disabledAt) throw new ValidationError("The webhook is enabled already.");
  const problem = await endpointProblem(endpoint.url);
  if (problem) throw new ValidationError(problem);
  await getPrisma().$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: null, disabledReason: null, consecutiveFailures: 0 } });
    await recordAuditEvent(tx, {
      action: "webhook.enabled",
      ...eventBy(principal, context, new Date()),
      ...about("webhook", endpoint.id, endpoint.teamId),
    });
  });
}
