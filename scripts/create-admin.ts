// `npm run user:create-admin -- <email> "<name>"`: the first administrator of an
// empty database (or another one, on purpose). An admin process held to the
// same rules as the app: validated input, a one-time password printed once and
// stored only as its hash, and an audit event.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { about, recordAuditEvent } from "../lib/audit/record";
import { hashPassword, oneTimePassword } from "../lib/auth/password";
import { prepareSchema } from "../lib/boot/database";
import { createPrismaClient } from "../lib/db/client";
import { dbCommand, say } from "./db-command";

const args = z.tuple([z.string().trim().toLowerCase().email(), z.string().trim().min(1).max(120)]).safeParse(process.argv.slice(2, 4));
if (!args.success) {
  console.error('Usage: npm run user:create-admin -- <email> "<name>"');
  process.exit(2);
}
const [email, name] = args.data;

await dbCommand(async (db) => {
  await prepareSchema(db.migrationUrl);
  const prisma = createPrismaClient(db.migrationUrl, 1);
  try {
    if (await prisma.user.findUnique({ where: { email } })) {
      console.error(`twelvefold: a user with the email ${email} already exists; manage them from the admin area`);
      process.exitCode = 1;
      return;
    }
    const password = randomBytes(12).toString("base64url");
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, isAdmin: true, ...oneTimePassword(passwordHash) } });
      await recordAuditEvent(tx, {
        action: "user.created",
        actorLabel: `(command line: ${process.env.USER ?? "unknown"})`,
        ...about("user", user.id),
        after: { email, name, isAdmin: true, via: "user:create-admin" },
      });
    });
    say(`administrator ${email} created; one-time password (shown once): ${password} (it works for 24 hours and must be changed at first sign-in)`);
  } finally {
    await prisma.$disconnect();
  }
});
