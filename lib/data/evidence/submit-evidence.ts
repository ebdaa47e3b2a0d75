import "server-only";
import type { RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { EvidenceSubmission } from "../../evidence/schema";
import { assertKnownItems, recordEvidence, serviceForEvidence } from "./record";

/**
 * Records what a pipeline observed about a service's items. Each result becomes
 * a suggestion in the service's assessment under way (or the next one): the
 * reviewer accepts or overrides it; and each is compared with the latest
 * approval (drift). Submitting is a reviewer's right.
 */
export async function submitEvidence(
  principal: Principal,
  input: { serviceSlug: string } & EvidenceSubmission,
  context: RequestContext,
  now: Date = new Date(),
) {
  const service = await serviceForEvidence(principal, input.serviceSlug, now);
  assertKnownItems(input.results);
  const recorded = await getPrisma().$transaction((tx) =>
    recordEvidence(tx, { principal, service, source: input.source, results: input.results, context, now }),
  );
  return {
    service: recorded.service,
    accepted: recorded.accepted,
    assessmentUnderWay: recorded.assessmentUnderWay,
    drifted: recorded.drift.drifted,
    currentScore: recorded.drift.currentScore,
  };
}
