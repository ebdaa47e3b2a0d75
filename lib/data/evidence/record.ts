import "server-only";
import { about, recordAuditEvent, eventBy, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { allItems, latestChecklist } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import type { EvidenceResult } from "../../evidence/schema";
import type { Prisma } from "../../generated/prisma/client";
import { raiseEvent } from "../../notify/raise";
import { answerStatuses } from "../../vocabulary/answers";
import { ValidationError } from "../errors";
import { assertTeamPermission, NotFoundError, servicesVisibleTo } from "../scope";
import { visibleServiceId } from "../services/by-slug";
import { checkDrift, type DriftOutcome } from "./drift";

export interface EvidenceService {
  id: string;
  teamId: string;
  slug: string;
  name: string;
  path: string;
}

/** The service evidence is for, if the principal may submit evidence for it (a reviewer's right). */
export async function serviceForEvidence(principal: Principal, slug: string, now: Date): Promise<EvidenceService> {
  // A token holds one team, where slugs are unique.
  const service = await getPrisma().service.findFirst({
    where: { ...servicesVisibleTo(principal, now), id: await visibleServiceId(principal, { slug }, now) },
    select: { id: true, teamId: true, slug: true, name: true, team: { select: { slug: true } } },
  });
  if (!service) throw new NotFoundError();
  assertTeamPermission(principal, "assessment.edit", service.teamId, now);
  return { id: service.id, teamId: service.teamId, slug: service.slug, name: service.name, path: `/services/${service.slug}?team=${service.team.slug}` };
}

export function assertKnownItems(results: readonly EvidenceResult[]): void {
  const known = new Set(allItems(latestChecklist()).map((i) => i.id));
  const unknown = results.filter((r) => !known.has(r.itemId)).map((r) => r.itemId);
  if (unknown.length) throw new ValidationError(`Unknown checklist items: ${[...new Set(unknown)].join(", ")}.`, { itemId: unknown });
}

export interface Recorded {
  service: string;
  accepted: number;
  assessmentUnderWay: string | null;
  drift: DriftOutcome;
}

/**
 * Records per-item evidence in the caller's transaction: the suggestions, the
 * audit event, a nudge to the draft's reviewers, and the drift check against the
 * latest approval.
 */
export async function recordEvidence(
  tx: Prisma.TransactionClient,
  input: {
    principal: Principal;
    service: EvidenceService;
    source: string;
    results: EvidenceResult[];
    importId?: string;
    context: RequestContext;
    now: Date;
    audit?: Record<string, unknown>;
  },
): Promise<Recorded> {
  const { principal, service, now } = input;
  const rows = input.results.length
    ? await tx.evidence.createManyAndReturn({
        data: input.results.map((r) => ({
          serviceId: service.id,
          itemId: r.itemId,
          status: answerStatuses.toDb(r.status),
          summary: r.summary,
          observations: r.observations,
          source: input.source,
          tokenId: principal.apiToken?.id ?? null,
          importId: input.importId ?? null,
          submittedAt: now,
        })),
        select: { id: true, itemId: true },
      })
    : [];
  const drift = await checkDrift(tx, {
    service,
    results: input.results,
    evidenceIds: new Map(rows.map((r) => [r.itemId, r.id])),
    source: input.source,
    actorId: principal.userId,
    viaToken: Boolean(principal.apiToken),
    now,
  });
  await recordAuditEvent(tx, {
    action: "evidence.submitted",
    ...eventBy(principal, input.context, now),
    ...about("service", service.id, service.teamId),
    after: {
      source: input.source,
      items: input.results.map((r) => `${r.itemId}:${r.status}`),
      ...(drift.drifted.length ? { drifted: drift.drifted.map((d) => `${d.itemId}:${d.kind}`) } : {}),
      ...input.audit,
    },
  });
  const underWay = await tx.assessment.findFirst({ where: { serviceId: service.id, status: { in: ["DRAFT", "IN_REVIEW"] } }, select: { id: true } });
  if (underWay && input.results.length) {
    // Once a day per draft at most, however often the pipeline runs.
    await raiseEvent(tx, {
      kind: "suggestion.waiting",
      key: `suggestion.waiting:${underWay.id}:${now.toISOString().slice(0, 10)}`,
      teamId: service.teamId,
      subject: { type: "assessment", id: underWay.id },
      path: `/assessments/${underWay.id}`,
      title: `${service.name}: new machine suggestions wait in its assessment`,
      summary: `${input.source} reported on ${input.results.length} item${input.results.length === 1 ? "" : "s"}; accept or override each suggestion.`,
      actorId: principal.userId,
      occurredAt: now,
    });
  }
  return { service: service.slug, accepted: input.results.length, assessmentUnderWay: underWay?.id ?? null, drift };
}
