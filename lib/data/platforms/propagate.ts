import "server-only";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { raiseEvents } from "../../notify/raise";
import { enqueue } from "../../queue/enqueue";
import { PLATFORM_POSTURE_QUEUE } from "../../queue/queues";
import { recomputeEffectivePosture } from "../../posture/effective";

/** Queues, in the caller's transaction, the move of every service on a platform to the platform's new answers. */
export async function platformChanged(tx: Prisma.TransactionClient, platformId: string, key: string): Promise<void> {
  await enqueue(tx, PLATFORM_POSTURE_QUEUE, { platformId, key });
}

/**
 * The worker's job: every service on the platform moves to its posture with
 * the platform's current answers, in one transaction, and the owners and leads
 * of each service whose score fell are told (once per change, by `key`).
 */
export async function propagatePlatformChange(input: { platformId: string; key: string }, now: Date = new Date()): Promise<{ services: number; fell: number }> {
  return getPrisma().$transaction(
    async (tx) => {
      const platform = await tx.service.findUnique({ where: { id: input.platformId }, select: { name: true } });
      if (!platform) return { services: 0, fell: 0 };
      const users = await tx.platformUse.findMany({ where: { platformId: input.platformId }, select: { serviceId: true } });
      const changes = await recomputeEffectivePosture(
        tx,
        users.map((u) => u.serviceId),
      );
      const fell = changes.filter((c) => c.after !== null && (c.before === null || c.after < c.before));
      await raiseEvents(
        tx,
        fell.map((c) => ({
          kind: "platform.regressed" as const,
          key: `platform.regressed:${input.key}:${c.serviceId}`,
          teamId: c.teamId,
          subject: { type: "service" as const, id: c.serviceId },
          path: c.path,
          title: `${c.name}: ${platform.name} regressed, and ${c.name}'s score with it (${c.before ?? "none"} to ${c.after})`,
          summary: `${c.name} runs on ${platform.name} and inherits or shares its answers; the platform's latest approval changed them.`,
          occurredAt: now,
        })),
      );
      return { services: changes.length, fell: fell.length };
    },
    { timeout: 60_000 },
  );
}
