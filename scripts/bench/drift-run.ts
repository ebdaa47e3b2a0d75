// Run by `npm run bench` as a child process against the bench's database
// (DATABASE_URL): the drift check alone (lib/data/evidence/drift.ts) for a
// one-item submission against an assessed service's latest approval, in a
// transaction rolled back each time, alternately contradicting and agreeing.
// Prints one JSON line: the check's timings in milliseconds.
import { checkDrift } from "../../lib/data/evidence/drift";
import { getPrisma } from "../../lib/db/prisma";
import { percentiles } from "./measure";

class RolledBack extends Error {}

async function main() {
  const prisma = getPrisma();
  const runs = Number(process.argv[2] ?? 40);
  const [target] = await prisma.$queryRaw<{ id: string; team_id: string; name: string; slug: string; item_id: string }[]>`
    SELECT s.id, s.team_id, s.name, s.slug, r.item_id FROM services s
    JOIN LATERAL (SELECT id FROM assessments WHERE service_id = s.id AND status = 'completed' ORDER BY approved_at DESC LIMIT 1) a ON true
    JOIN responses r ON r.assessment_id = a.id AND r.status = 'met'
    WHERE s.archived_at IS NULL ORDER BY s.slug, r.item_id LIMIT 1`;
  if (!target) throw new Error("the drift bench needs an approved answer that is met");
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const status = i % 2 ? ("met" as const) : ("not_met" as const);
    let ms = 0;
    await prisma
      .$transaction(async (tx) => {
        const started = performance.now();
        await checkDrift(tx, {
          service: { id: target.id, teamId: target.team_id, name: target.name, path: `/services/${target.slug}` },
          results: [{ itemId: target.item_id, status, summary: "bench", observations: [{ file: "Dockerfile", line: 1, message: "bench" }] }],
          evidenceIds: new Map(),
          source: "bench",
          actorId: null,
          viaToken: true,
          now: new Date(),
        });
        ms = performance.now() - started;
        throw new RolledBack();
      })
      .catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    if (i >= 3) samples.push(ms);
  }
  console.log(JSON.stringify(percentiles(samples)));
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
