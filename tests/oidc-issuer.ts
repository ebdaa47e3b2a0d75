// A real OpenID Connect issuer (oidc-provider) on loopback, for SSO tests. Its
// built-in login page takes any account id from IDENTITIES as the login.
import http from "node:http";
import Provider from "oidc-provider";

export interface TestIdentity {
  email: string;
  emailVerified: boolean;
  name: string;
  /** Sent as the "groups" claim when the client asks for the "groups" scope. */
  groups?: string[];
}

/** Where a test changes an identity's groups at the issuer, as an administrator would in the identity provider: PUT a JSON array. */
export const groupsControlPath = (accountId: string) => `/test-control/groups/${encodeURIComponent(accountId)}`;

export const TEST_CLIENT = { id: "twelvefold-test", secret: "twelvefold-test-client-secret" };

export async function startTestIssuer(options: {
  port: number;
  redirectUris: string[];
  identities: Record<string, TestIdentity>;
}): Promise<{ issuer: string; close(): Promise<void> }> {
  const issuer = `http://localhost:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    async findAccount(_ctx, id) {
      const identity = options.identities[id];
      if (!identity) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: identity.email,
          email_verified: identity.emailVerified,
          name: identity.name,
          ...(identity.groups ? { groups: identity.groups } : {}),
        }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Put the requested claims in the ID token, which is what the app reads.
    conformIdTokenClaims: false,
    cookies: { keys: ["twelvefold-test-issuer-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });
  const oidc = provider.callback();
  const server = http.createServer((request, response) => {
    const control = /^\/test-control\/groups\/([^/?]+)$/.exec(request.url ?? "");
    if (!control || request.method !== "PUT") return oidc(request, response);
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const identity = options.identities[decodeURIComponent(control[1]!)];
      const groups = JSON.parse(body) as unknown;
      if (!identity || !Array.isArray(groups)) return response.writeHead(400).end();
      identity.groups = groups.map(String);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
