// The principal of a user as the app would see it, for data-layer tests: a
// real session is created and resolved through the same code as a request.
import { prepareSchema } from "@/lib/boot/database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { freshDatabase } from "./helpers";
import { createSession, newSessionSecret, principalForSession } from "@/lib/auth/sessions";
import type { Principal } from "@/lib/auth/policy";

export async function principalOf(url: string, userId: string): Promise<Principal> {
  const prisma = createPrismaClient(url, 1);
  try {
    const secret = newSessionSecret();
    await createSession(prisma, { userId, secret, ipAddress: null, userAgent: "test", now: new Date() });
    const principal = await principalForSession(prisma, secret);
    if (!principal) throw new Error("the new session did not resolve");
    return principal;
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * A fresh database with the demo organisation, the app pointed at it
 * (DATABASE_URL), and the principals of the given people, by the names the
 * test uses for them.
 */
export async function seededDemo<K extends string>(options: {
  database: string;
  /** The demo people's password; tests that sign in name it. */
  password?: string;
  people: Record<K, string>;
  poolSize?: number;
  now?: Date;
}): Promise<{ url: string; prisma: PrismaClient; as: Record<K, Principal> }> {
  const url = await freshDatabase(options.database);
  await prepareSchema(url);
  const prisma = createPrismaClient(url, options.poolSize ?? 2);
  await seedDemo(prisma, { password: options.password ?? `${options.database} password`, now: options.now });
  process.env.DATABASE_URL = url;
  const as = {} as Record<K, Principal>;
  for (const [key, email] of Object.entries(options.people) as [K, string][]) {
    as[key] = await principalOf(url, (await prisma.user.findUniqueOrThrow({ where: { email } })).id);
  }
  return { url, prisma, as };
}
