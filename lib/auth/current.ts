import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "../db/prisma";
import { auth } from "./auth";
import type { Principal } from "./policy";
import { principalForSession } from "./sessions";

/**
 * Who is making this request, re-checked against Postgres every time (once per
 * request): an ended, idle, expired or disabled session is nobody.
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const secret = await currentSessionSecret();
  return secret ? principalForSession(getPrisma(), secret) : null;
});

/** The secret of the session behind this request (from its signed cookie), if any. */
export const currentSessionSecret = cache(async (): Promise<string | null> => (await auth())?.sid ?? null);

/**
 * The signed-in principal, for a page. Someone who signed in with a one-time
 * password is sent to choose their own first (their principal holds no access
 * until then); only the account page itself takes them as they are.
 */
export async function requirePrincipal(options: { passwordChangePage?: boolean } = {}): Promise<Principal> {
  const principal = await getPrincipal();
  if (!principal) redirect("/sign-in");
  if (principal.mustChangePassword && !options.passwordChangePage) redirect("/account");
  return principal;
}
