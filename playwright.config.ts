import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT } from "./e2e/port";

// The global set-up (e2e/global-setup.ts) makes a fresh, seeded database and
// starts the built app, its worker and an OIDC issuer, so `npx playwright test
// e2e/<file>` runs alone against any running Postgres (or an embedded one).

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
  // A budget for hangs, not a speed test: a journey of several sign-ins and a
  // background job (the worker's fan-out) took 30 s of the default 30 on a busy
  // 2-core machine, so each test may take 90 s before it counts as hung.
  timeout: 90_000,
  retries: process.env.CI ? 1 : 0,
  // npm test reads the JSON report to count results; run by hand, the list is enough.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    // localhost, not 127.0.0.1: Auth.js checks the origin against this host.
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs each demo role in once through the sign-in page and keeps its cookies.
    { name: "sign-in", testMatch: /auth\.setup\.ts/, use: { ...chromium() } },
    // Every spec makes what it counts, so they run in any order, in parallel.
    { name: "chromium", dependencies: ["sign-in"], use: chromium() },
  ],
  globalSetup: "./e2e/global-setup.ts",
});
