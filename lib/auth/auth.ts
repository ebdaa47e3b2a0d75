import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getPrisma } from "../db/prisma";
import { headers } from "next/headers";
import { oidcSettings, requireAuthSecret } from "../env";
import { clientAddress } from "../security/client-address";
import { OIDC_PROVIDER, signInWithOidc } from "./oidc-sign-in";
import { ABSOLUTE_TIMEOUT_MS, endSession } from "./sessions";
import { attemptSignIn } from "./sign-in";

declare module "next-auth" {
  interface Session {
    /** The server-side session's secret; useless without the signed cookie that carries it. */
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

function ssoProvider() {
  const oidc = oidcSettings();
  if (!oidc) return [];
  return [
    {
      id: OIDC_PROVIDER,
      name: "SSO",
      type: "oidc" as const,
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      checks: ["pkce" as const, "state" as const, "nonce" as const],
      authorization: { params: { scope: oidc.scopes } },
    },
  ];
}

// Built per request, so that building the app needs no secret.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: requireAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A failed sign-in is an expected outcome, already recorded as an audit event.
    error(error: Error) {
      if (error.name !== "CredentialsSignin") console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await attemptSignIn(
          getPrisma(),
          { email: credentials.email, password: credentials.password },
          {
            ipAddress: clientAddress(request.headers),
            userAgent: request.headers.get("user-agent"),
          },
        );
        return result.ok ? { ...result.user, sid: result.sessionSecret } : null;
      },
    }),
    ...ssoProvider(),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER) return true;
      const request = await headers();
      const result = await signInWithOidc(getPrisma(), profile ?? {}, { ipAddress: clientAddress(request), userAgent: request.get("user-agent") }, new Date(), {
        groupsClaim: oidcSettings()?.groupsClaim,
      });
      if (!result.ok) return false;
      Object.assign(user, result.user, { sid: result.sessionSecret });
      return true;
    },
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(getPrisma(), sid);
    },
  },
}));
