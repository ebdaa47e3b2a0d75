// `npm run seed:scale [-- --services 1000 --teams 20 --months 60]`: the demo
// organisation plus enough services and history to measure Twelvefold at scale
// (what `npm run bench` reads). Into an empty database only: by default its own
// embedded one under .data-scale, so it never touches the `npm start` database.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { BootError, isEmptyOrganisation, prepareSchema } from "../lib/boot/database";
import { createPrismaClient } from "../lib/db/client";
import { seedScale } from "../lib/demo/scale-seed";
import { seedDemo } from "../lib/demo/seed";
import { rebuildTeamPosture } from "../lib/posture/record";
import { dbCommand, say } from "./db-command";

import { benchPasswordFile, SCALE_DATA_DIR } from "./bench/data-dir";
const sizes = z.object({
  services: z.coerce.number().int().min(16).max(20_000).default(1000),
  teams: z.coerce.number().int().min(3).max(27).default(20),
  months: z.coerce.number().int().min(1).max(120).default(60),
});
const { values } = parseArgs({ options: { services: { type: "string" }, teams: { type: "string" }, months: { type: "string" } } });
const parsed = sizes.safeParse(values);
if (!parsed.success) {
  console.error(`twelvefold: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
  console.error("Usage: npm run seed:scale -- [--services 1000] [--teams 20] [--months 60]");
  process.exit(2);
}
if (!process.env.DATABASE_URL && !process.env.DATA_DIR) process.env.DATA_DIR = SCALE_DATA_DIR;

await dbCommand(async (db, env) => {
  await prepareSchema(db.migrationUrl);
  if (!(await isEmptyOrganisation(db.migrationUrl))) {
    throw new BootError(
      `this database already has users; seed:scale fills an empty one (remove ${env.DATABASE_URL ? "its data" : env.DATA_DIR} to start again)`,
    );
  }
  const started = Date.now();
  const prisma = createPrismaClient(db.migrationUrl, 2);
  try {
    const demo = await seedDemo(prisma, { password: env.DEMO_PASSWORD });
    // The benchmark signs in as the demo accounts; it finds the password here.
    const passwordFile = benchPasswordFile(env.DATABASE_URL, env.DATA_DIR);
    mkdirSync(path.dirname(passwordFile), { recursive: true });
    writeFileSync(passwordFile, demo.password, { mode: 0o600 });
    say(`demo organisation added; accounts ${demo.accounts.join(", ")} (password in ${passwordFile})`);
    let shown = 0;
    const result = await seedScale(db.migrationUrl, {
      ...parsed.data,
      onProgress: (done, total) => {
        if (done === total || done - shown >= total / 10) {
          shown = done;
          say(`services ${done}/${total} (${Math.round((Date.now() - started) / 1000)} s)`);
        }
      },
    });
    const posture = await rebuildTeamPosture(prisma);
    // VACUUM as well as ANALYZE: a bulk load leaves the visibility map empty, so
    // index-only scans (the dashboard's counts) would visit the heap until
    // autovacuum caught up, which a database five years old has long since done.
    await prisma.$executeRawUnsafe("VACUUM (ANALYZE)");
    say(
      `added ${result.teams} teams, ${result.services} services, ${result.assessments} assessments, ${result.responses} responses, ` +
        `${result.findings} findings, ${posture} posture rows in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await prisma.$disconnect();
  }
});
