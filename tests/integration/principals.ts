// The principal of a user as the app would see it, for data-layer tests: a
// real session is created and resolved through the same code as a request.
import { createPrismaClient } from "@/lib/db/client";
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
