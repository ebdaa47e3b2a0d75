// Run by `npm run bench` as a child process against the bench's database
// (DATABASE_URL): one service becomes a platform covering five items, 500
// assessed services run on it, and the platform's change is propagated as the
// worker's job does (every dependent's posture recomputed in one transaction,
// notifications raised). Prints one JSON line per phase; undoes what it made.
import { getPrisma } from "../../lib/db/prisma";
import { propagatePlatformChange } from "../../lib/data/platforms/propagate";
import { recomputeEffectivePosture } from "../../lib/posture/effective";

const DEPENDENTS = 500;
const ITEMS = ["F03-SECRET-STORE", "F03-ROTATION", "F05-SEPARATE-STAGES", "F05-AUTOMATED-HANDOFF", "F05-IMMUTABLE-RELEASES"];
const say = (phase: string, data: object) => console.log(JSON.stringify({ phase, ...data }));

async function main() {
  const prisma = getPrisma();
  const assessed = await prisma.service.findMany({ where: { archivedAt: null, latestScore: { not: null } }, select: { id: true }, take: DEPENDENTS + 1 });
  const [platform, ...dependents] = assessed.map((s) => s.id);
  if (!platform || dependents.length < DEPENDENTS) throw new Error(`the bench needs ${DEPENDENTS + 1} assessed services`);
  await prisma.service.update({ where: { id: platform }, data: { platformKind: "Bench cluster", platformItems: ITEMS } });
  await prisma.platformUse.createMany({ data: dependents.map((serviceId) => ({ serviceId, platformId: platform })) });
  const now = new Date();
  say("propagate-start", {});
  const started = Date.now();
  const result = await propagatePlatformChange({ platformId: platform, key: `bench:${now.getTime()}` }, now);
  say("propagate", { ms: Date.now() - started, ...result });

  // Undo: no platform, and every dependent back to its own answers.
  await prisma.platformUse.deleteMany({ where: { platformId: platform } });
  await prisma.service.update({ where: { id: platform }, data: { platformKind: null, platformItems: [] } });
  await prisma.$transaction((tx) => recomputeEffectivePosture(tx, dependents), { timeout: 120_000 });
  await prisma.notificationEvent.deleteMany({ where: { key: { startsWith: `platform.regressed:bench:${now.getTime()}` } } });
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
