import { defineConfig, devices } from "@playwright/test";

// Run through `npm test`, which provides a fresh, seeded database and a built app.
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run end-to-end tests through `npm test`");

function chromium() {
  return {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-sandbox"],
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json"]],
  use: {
    // localhost, not 127.0.0.1: Auth.js checks the origin against this host.
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs each demo role in once through the sign-in page and keeps its cookies.
    { name: "sign-in", testMatch: /auth\.setup\.ts/, use: { ...chromium() } },
    // Specs that count the demo data as seeded run before any spec that adds to it.
    { name: "demo-baseline", testMatch: /(shell|auth)\.spec\.ts/, dependencies: ["sign-in"], use: chromium() },
    {
      name: "chromium",
      testIgnore: /(shell|auth|fuzz)\.spec\.ts/,
      dependencies: ["sign-in", "demo-baseline"],
      use: chromium(),
    },
    // Counts changed rows in the whole database, so it runs alone, after everything else.
    { name: "fuzz", testMatch: /fuzz\.spec\.ts/, dependencies: ["chromium"], use: chromium() },
  ],
  webServer: {
    command: `node scripts/web.mjs start --port ${port} --hostname 127.0.0.1`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "",
      AUTH_OIDC_ISSUER: process.env.E2E_OIDC_ISSUER ?? "",
      AUTH_OIDC_CLIENT_ID: process.env.E2E_OIDC_CLIENT_ID ?? "",
      AUTH_OIDC_CLIENT_SECRET: process.env.E2E_OIDC_CLIENT_SECRET ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
