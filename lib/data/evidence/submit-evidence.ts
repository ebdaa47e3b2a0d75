import "server-only";
import { visibleServiceId } from "../services/by-slug";
import { about, recordAuditEvent, eventBy, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { allItems, latestChecklist } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import type { EvidenceSubmission } from "../../evidence/schema";
import { ValidationError } from "../errors";
import { assertTeamPermission, NotFoundError, servicesVisibleTo } from "../scope";
import { answerStatuses } from "../../vocabulary/answers";
import { raiseEvent } from "../../notify/raise";

/**
 * Records what a pipeline observed about a service's items. Each result becomes
 * a suggestion in the service's assessment under way (or the next one): the
 * reviewer accepts or overrides it. Submitting is a reviewer's right.
 */
export async function submitEvidence(
  principal: Principal,
  input: { serviceSlug: string } & EvidenceSubmission,
  context: RequestContext,
  now: Date = new Date(),
): Promise<{ service: string; accepted: number; assessmentUnderWay: string | null }> {
  const prisma = getPrisma();
  // A token holds one team, where slugs are unique.
  const service = await prisma.service.findFirst({
    where: { ...servicesVisibleTo(principal, now), id: await visibleServiceId(principal, { slug: input.serviceSlug }, now) },
    select: { id: true, teamId: true, slug: true, name: true },
  });
  if (!service) throw new NotFoundError();
  assertTeamPermission(principal, "assessment.edit", service.teamId, now);
  const known = new Set(allItems(latestChecklist()).map((i) => i.id));
  const unknown = input.results.filter((r) => !known.has(r.itemId)).map((r) => r.itemId);
  if (unknown.length) throw new ValidationError(`Unknown checklist items: ${[...new Set(unknown)].join(", ")}.`, { itemId: unknown });
  return prisma.$transaction(async (tx) => {
    await tx.evidence.createMany({
      data: input.results.map((r) => ({
        serviceId: service.id,
        itemId: r.itemId,
        status: answerStatuses.toDb(r.status),
        summary: r.summary,
        observations: r.observations,
        source: input.source,
        tokenId: principal.apiToken?.id ?? null,
        submittedAt: now,
      })),
    });
    await recordAuditEvent(tx, {
      action: "evidence.submitted",
      ...eventBy(principal, context, now),
      ...about("service", service.id, service.teamId),
      after: { source: input.source, items: input.results.map((r) => `${r.itemId}:${r.status}`) },
    });
    const underWay = await tx.assessment.findFirst({ where: { serviceId: service.id, status: { in: ["DRAFT", "IN_REVIEW"] } }, select: { id: true } });
    if (underWay) {
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
    return { service: service.slug, accepted: input.results.length, assessmentUnderWay: underWay?.id ?? null };
  });
}
