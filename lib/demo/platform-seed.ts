// The demo's platforms: Platform's secret store and deploy pipeline answer
// once, for the Payments services that run on them. Ledger Service keeps key
// rotation as its own; Checkout API shares immutable releases with the pipeline.
import type { Prisma } from "../generated/prisma/client";
import { recomputeEffectivePosture } from "../posture/effective";

export const DEMO_PLATFORMS = [
  { slug: "secrets-broker", kind: "Secret store", items: ["F03-SECRET-STORE", "F03-ROTATION"] },
  { slug: "deploy-pipeline", kind: "CI/CD system", items: ["F05-SEPARATE-STAGES", "F05-AUTOMATED-HANDOFF", "F05-IMMUTABLE-RELEASES"] },
] as const;

const CHOICES: Record<string, Record<string, "shared" | "own">> = {
  "ledger-service": { "F03-ROTATION": "own" },
  "checkout-api": { "F05-IMMUTABLE-RELEASES": "shared" },
};

export async function seedPlatforms(tx: Prisma.TransactionClient, input: { teamIds: Map<string, string>; now: Date }): Promise<void> {
  const platforms: { id: string }[] = [];
  for (const p of DEMO_PLATFORMS) {
    platforms.push(
      await tx.service.update({
        where: { teamId_slug: { teamId: input.teamIds.get("platform")!, slug: p.slug } },
        data: { platformKind: p.kind, platformItems: [...p.items] },
      }),
    );
  }
  const payments = await tx.service.findMany({ where: { teamId: input.teamIds.get("payments")!, archivedAt: null }, select: { id: true, slug: true } });
  await tx.platformUse.createMany({
    data: payments.flatMap((s) => platforms.map((p) => ({ serviceId: s.id, platformId: p.id, modes: CHOICES[s.slug] ?? {}, createdAt: input.now }))),
  });
  await recomputeEffectivePosture(
    tx,
    payments.map((s) => s.id),
  );
}
