import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { InheritanceMode } from "../../platforms/inherit";
import { answerStatuses } from "../../vocabulary/answers";
import type { InheritedStart } from "../../assessments/carry-over";

/** A platform's latest approval and its answers, as a Prisma relation selection. */
export const LATEST_APPROVED_ANSWERS = {
  where: { status: "COMPLETED" },
  orderBy: { approvedAt: "desc" },
  take: 1,
  select: { approvedAt: true, responses: { select: { itemId: true, status: true, validatedById: true } } },
} as const satisfies Prisma.Service$assessmentsArgs;

export type InheritedAnswer = InheritedStart;

/**
 * The platform answers a service takes as its own for the items it inherits
 * (not shared, not own): each platform's latest approved answer to the items it
 * covers. An item two platforms cover inherits neither here (the walk asks; the
 * posture applies both).
 */
export async function inheritedAnswers(tx: Prisma.TransactionClient, serviceId: string): Promise<Map<string, InheritedAnswer>> {
  const uses = await tx.platformUse.findMany({
    where: { serviceId, platform: { platformKind: { not: null }, archivedAt: null } },
    select: {
      modes: true,
      platform: {
        select: {
          id: true,
          name: true,
          platformItems: true,
          assessments: LATEST_APPROVED_ANSWERS,
        },
      },
    },
  });
  const result = new Map<string, InheritedAnswer>();
  const twice = new Set<string>();
  for (const use of uses) {
    const latest = use.platform.assessments[0];
    if (!latest?.approvedAt) continue;
    const modes = use.modes as Record<string, InheritanceMode>;
    for (const response of latest.responses) {
      if (!use.platform.platformItems.includes(response.itemId) || (modes[response.itemId] ?? "inherited") !== "inherited") continue;
      if (result.has(response.itemId)) twice.add(response.itemId);
      result.set(response.itemId, {
        status: answerStatuses.fromDb(response.status),
        platformId: use.platform.id,
        platformName: use.platform.name,
        approvedAt: latest.approvedAt,
        validatedById: response.validatedById,
      });
    }
  }
  for (const itemId of twice) result.delete(itemId);
  return result;
}
