// Single sign-on: an identity from the OIDC issuer is matched to an account by
// its verified email, or becomes a new account with no access until an admin
// grants some. Unverified emails are refused: an issuer that lets users claim
// any address must not let them take over someone's account.
import { cleanText, clip } from "../text/clean";
import { about, recordAuditEvent } from "../audit/record";
import type { PrismaClient } from "../generated/prisma/client";
import { syncGroupRoles } from "../data/admin/group-roles";
import { createSession, newSessionSecret } from "./sessions";
import type { SignInContext, SignInResult } from "./sign-in";

export const OIDC_PROVIDER = "oidc";

export interface OidcProfile {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  [claim: string]: unknown;
}

/** At most this many groups are read from a claim; a longer list is cut, and the sign-in audited as such. */
export const MAX_GROUPS = 500;

/**
 * The groups a claim lists: an array of strings (Okta, Entra ID, Keycloak) or
 * one string. Null when the claim is absent, which leaves mapped roles as they
 * are: an issuer that stops sending the claim must not strip everyone's access
 * silently. Names are made storable and trimmed; empty ones are dropped.
 */
export function groupsFromClaim(profile: OidcProfile, claim: string): string[] | null {
  const value = profile[claim];
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.filter((g): g is string => typeof g === "string").map((g) => clip(cleanText(g).trim(), 256)))].filter(Boolean).slice(0, MAX_GROUPS);
}

export async function signInWithOidc(
  prisma: PrismaClient,
  profile: OidcProfile,
  context: SignInContext,
  now: Date = new Date(),
  options: { groupsClaim?: string } = {},
): Promise<SignInResult> {
  // Claims come from outside too: made storable before they are read (lib/text/clean.ts).
  const claim = (value: unknown) => (typeof value === "string" ? cleanText(value).trim() : "");
  const subject = clip(claim(profile.sub), 255);
  const email = clip(claim(profile.email).toLowerCase(), 254);
  const name = claim(profile.name) ? clip(claim(profile.name), 120) : email;
  const audit = { ipAddress: context.ipAddress, userAgent: context.userAgent, occurredAt: now };

  return prisma.$transaction(async (tx) => {
    const refuse = async (reason: string): Promise<SignInResult> => {
      await recordAuditEvent(tx, { action: "auth.sso_refused", actorLabel: email || "(no email)", after: { reason, subject }, ...audit });
      return { ok: false };
    };
    if (!subject || !email) return refuse("incomplete_profile");
    if (profile.email_verified !== true) return refuse("email_not_verified");

    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: OIDC_PROVIDER, providerAccountId: subject } },
      include: { user: true },
    });
    let user = linked?.user ?? (await tx.user.findUnique({ where: { email } }));
    let created = false;
    if (!user) {
      user = await tx.user.create({ data: { email, name } });
      created = true;
    }
    if (user.disabledAt) return refuse("disabled");
    if (!linked) await tx.account.create({ data: { userId: user.id, provider: OIDC_PROVIDER, providerAccountId: subject } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    // Roles from the identity provider's groups, matched at every sign-in (lib/data/admin/group-roles.ts).
    const groups = options.groupsClaim ? groupsFromClaim(profile, options.groupsClaim) : null;
    if (groups) await syncGroupRoles(tx, user.id, groups, { via: "sso", actorId: user.id, actorLabel: email, ...audit }, now);
    if (created) {
      await recordAuditEvent(tx, {
        action: "user.created",
        actorId: user.id,
        actorLabel: email,
        ...about("user", user.id),
        after: { email, name, via: "sso" },
        ...audit,
      });
    }
    await recordAuditEvent(tx, { action: "auth.sign_in", actorId: user.id, actorLabel: user.email, after: { method: "sso", linked: !linked }, ...audit });
    const sessionSecret = newSessionSecret();
    await createSession(tx, { userId: user.id, secret: sessionSecret, ...context, now });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionSecret };
  });
}
