// Playwright's global set-up: what the journeys run against, made for this run
// and removed after it, whoever starts Playwright (`npm test`, or `npx
// playwright test e2e/<file>` with a Postgres in DATABASE_URL or none at all):
// the app under test (e2e/app-under-test.ts) with its worker, and a real OIDC
// issuer for single sign-on. Specs read what they need from the environment.
import { freePort } from "../lib/db/embedded";
import { startTestIssuer, TEST_CLIENT } from "../tests/oidc-issuer";
import { acquireDatabaseServer, ensureBuilt } from "../tests/runner-setup";
import { startAppUnderTest } from "./app-under-test";
import { E2E_PORT } from "./port";

export default async function globalSetup() {
  await ensureBuilt();
  const server = await acquireDatabaseServer();
  const issuer = await startTestIssuer({
    port: await freePort(),
    redirectUris: [`http://localhost:${E2E_PORT}/api/auth/callback/oidc`],
    identities: {
      "sso-newcomer": { email: "sso.newcomer@demo.test", emailVerified: true, name: "Sam Newcomer" },
      "sso-lead": { email: "lead@demo.test", emailVerified: true, name: "Lee Lead" },
      "sso-unverified": { email: "admin@demo.test", emailVerified: false, name: "Not The Admin" },
      "sso-grouped": { email: "sso.grouped@demo.test", emailVerified: true, name: "Gil Grouped", groups: [] },
    },
  });
  const app = await startAppUnderTest({
    server,
    port: E2E_PORT,
    worker: true,
    env: {
      AUTH_OIDC_ISSUER: issuer.issuer,
      AUTH_OIDC_CLIENT_ID: TEST_CLIENT.id,
      AUTH_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      AUTH_OIDC_SCOPES: "openid email profile groups",
      AUTH_OIDC_GROUPS_CLAIM: "groups",
      // Links in emails and webhooks; the specs' webhook receivers listen on loopback.
      APP_URL: `http://localhost:${E2E_PORT}`,
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    },
  }).catch(async (error: unknown) => {
    await issuer.close();
    await server.stop();
    throw error;
  });
  Object.assign(process.env, {
    E2E_DATABASE_URL: app.appUrl,
    E2E_OWNER_DATABASE_URL: app.ownerUrl,
    E2E_PASSWORD: app.password,
    // A spec that needs a database of its own makes it here.
    E2E_DATABASE_SERVER_URL: server.adminUrl,
    // Where a spec changes an identity's groups at the issuer.
    E2E_OIDC_ISSUER: issuer.issuer,
  });
  return async () => {
    await app.stop();
    await issuer.close();
    await server.stop();
  };
}
