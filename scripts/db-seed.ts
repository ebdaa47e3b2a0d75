// `npm run db:seed -- --demo`: add the demo organisation to an empty database.
// Demo data is never added to a database implicitly; this is the explicit way.
import { isEmptyOrganisation, prepareSchema } from "../lib/boot/database";
import { createPrismaClient } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed";
import { sealSecret } from "../lib/notify/seal";
import { dbCommand, say } from "./db-command";

if (!process.argv.includes("--demo")) {
  console.error("Usage: npm run db:seed -- --demo   (adds the demo organisation to an empty database)");
  process.exit(2);
}

await dbCommand(async (db, env) => {
  await prepareSchema(db.migrationUrl);
  if (!(await isEmptyOrganisation(db.migrationUrl))) {
    console.error("twelvefold: this database already has users; demo data only goes into an empty database");
    process.exitCode = 1;
    return;
  }
  const prisma = createPrismaClient(db.migrationUrl, 2);
  try {
    const result = await seedDemo(prisma, { password: env.DEMO_PASSWORD, sealSecret });
    say(`demo data: ${result.services} services, ${result.assessments} assessments, ${result.findings} findings`);
    say(`accounts ${result.accounts.join(", ")}; password: ${result.generated ? result.password : "the value of DEMO_PASSWORD"}`);
  } finally {
    await prisma.$disconnect();
  }
});
