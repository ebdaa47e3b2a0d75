// The demo's platforms: Platform's secret store and deploy pipeline answer
// once, for the Payments services that run on them and for Twelvefold itself
// (its self-assessment says the secret store and the pipeline are the
// operator's). Ledger Service and Twelvefold keep key rotation as their own
// (Twelvefold's AUTH_SECRET is its own key); Checkout API shares immutable
// releases with the pipeline, Twelvefold its separate stages' credentials.
import type { Prisma } from "../generated/prisma/client";
import { recomputeEffectivePosture } from "../posture/effective";
import { SELF_SERVICE } from "./self-assessment";

export const DEMO_PLATFORMS = [
  { slug: "secrets-broker", kind: "Secret store", items: ["F03-SECRET-STORE", "F03-ROTATION"] },
  { slug: "deploy-pipeline", kind: "CI/CD system", items: ["F05-SEPARATE-STAGES", "F05-AUTOMATED-HANDOFF", "F05-IMMUTABLE-RELEASES"] },
] as const;

const CHOICES: Record<string, Record<string, "shared" | "own">> = {
  "ledger-service": { "F03-ROTATION": "own" },
  "checkout-api": { "F05-IMMUTABLE-RELEASES": "shared" },
  twelvefold: { "F03-ROTATION": "own", "F05-SEPARATE-STAGES": "shared" },
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
  const dependents = await tx.service.findMany({
    where: { OR: [{ teamId: input.teamIds.get("payments")! }, { slug: SELF_SERVICE.slug }], archivedAt: null },
    select: { id: true, slug: true },
  });
  await tx.platformUse.createMany({
    data: dependents.flatMap((s) => platforms.map((p) => ({ serviceId: s.id, platformId: p.id, modes: CHOICES[s.slug] ?? {}, createdAt: input.now }))),
  });
  await recomputeEffectivePosture(
    tx,
    dependents.map((s) => s.id),
  );
}
