// `npm test`: typecheck, lint, unit tests, then integration and end-to-end
// tests against a real Postgres (the server in DATABASE_URL if set, otherwise an
// embedded one), each run in fresh databases that are dropped afterwards.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { prepareSchema } from "../lib/boot/database";
import { ensureCurrentBuild } from "../lib/boot/build";
import { dropAppLogin, ensureAppLogin } from "../lib/db/app-role";
import { createPrismaClient } from "../lib/db/client";
import { freePort } from "../lib/db/embedded";
import { startScratchServer, type ScratchServer } from "../lib/db/scratch";
import { seedDemo } from "../lib/demo/seed";
import { getEnv } from "../lib/env";
import { startTestIssuer, TEST_CLIENT } from "../tests/oidc-issuer";
import { WORKER_ARGS } from "./worker-command";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
const bin = (pkg: string, file: string) => path.join(root, "node_modules", pkg, file);
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const counts = { passed: 0, failed: 0 };

function step(title: string) {
  console.log(`\n━━ ${title}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function mustPass(title: string, command: string, args: string[], env?: NodeJS.ProcessEnv) {
  step(title);
  const code = await run(command, args, env);
  if (code !== 0) throw new Error(`${title} failed (exit ${code})`);
}

async function tally(file: string, kind: "vitest" | "playwright") {
  if (!existsSync(file)) return;
  const report = JSON.parse(await readFile(file, "utf8"));
  if (kind === "vitest") {
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
  } else {
    counts.passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    counts.failed += report.stats?.unexpected ?? 0;
  }
}

function chromiumPath(): string {
  const candidate = getEnv().CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return candidate;
}

/** Poppler's pdftoppm draws the first pages of each exported PDF as images for review. */
function requirePdftoppm(): void {
  if (spawnSync("pdftoppm", ["-v"]).error) {
    throw new Error("pdftoppm not found. Install Poppler (Debian/Ubuntu: sudo apt-get install -y poppler-utils; macOS: brew install poppler).");
  }
}

async function vitest(project: string, env?: NodeJS.ProcessEnv) {
  const out = path.join(results, `${project}.json`);
  try {
    await mustPass(`${project} tests`, process.execPath, [bin("vitest", "vitest.mjs"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  } finally {
    await tally(out, "vitest");
  }
}

async function ensureBuild() {
  await ensureCurrentBuild(root, () =>
    mustPass("production build", process.execPath, [bin("next", "dist/bin/next"), "build"], { ...baseEnv, NODE_ENV: "production" }),
  );
}

async function e2e(server: ScratchServer, chromium: string) {
  const url = await server.createDatabase("twelvefold_e2e");
  const login = `twelvefold_e2e_${randomBytes(4).toString("hex")}`;
  try {
    await prepareSchema(url);
    const password = randomBytes(12).toString("base64url");
    const prisma = createPrismaClient(url, 2);
    await seedDemo(prisma, { password }).finally(() => prisma.$disconnect());
    // The app under test connects with least privilege, as it does in production.
    const appUrl = await ensureAppLogin(url, login, randomBytes(18).toString("base64url"));
    const out = path.join(results, "e2e.json");
    const port = await freePort();
    // A real OIDC issuer on loopback for the single sign-on journeys.
    const issuer = await startTestIssuer({
      port: await freePort(),
      redirectUris: [`http://localhost:${port}/api/auth/callback/oidc`],
      identities: {
        "sso-newcomer": { email: "sso.newcomer@demo.test", emailVerified: true, name: "Sam Newcomer" },
        "sso-lead": { email: "lead@demo.test", emailVerified: true, name: "Lee Lead" },
        "sso-unverified": { email: "admin@demo.test", emailVerified: false, name: "Not The Admin" },
      },
    });
    // The worker process, as `npm start` runs it beside the web server: it makes the queued portfolio reports.
    const worker = spawn(process.execPath, WORKER_ARGS, {
      cwd: root,
      env: { ...baseEnv, DATABASE_URL: appUrl },
      stdio: "inherit",
    });
    try {
      await mustPass("end-to-end tests (Chromium)", process.execPath, [bin("@playwright/test", "cli.js"), "test", ...playwrightArgs], {
        ...baseEnv,
        E2E_DATABASE_URL: appUrl,
        // Only for test scaffolding the app's role may not create (the fuzz spec's change counter).
        E2E_OWNER_DATABASE_URL: url,
        E2E_PORT: String(port),
        E2E_OIDC_ISSUER: issuer.issuer,
        E2E_OIDC_CLIENT_ID: TEST_CLIENT.id,
        E2E_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
        E2E_PASSWORD: password,
        E2E_AUTH_SECRET: randomBytes(32).toString("base64url"),
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      });
    } finally {
      await tally(out, "playwright");
      await issuer.close();
      worker.kill("SIGTERM");
      if (worker.exitCode === null && worker.signalCode === null) await new Promise((resolve) => worker.once("exit", resolve));
    }
  } finally {
    await server.dropDatabase(url);
    await dropAppLogin(server.adminUrl, login);
  }
}

// `npm test -- --only-e2e [playwright arguments]` runs just the end-to-end
// tests (e.g. one spec file) on a fresh database, while working on them.
const onlyE2e = process.argv.includes("--only-e2e");
const playwrightArgs = onlyE2e ? process.argv.slice(process.argv.indexOf("--only-e2e") + 1) : [];

async function main() {
  await rm(results, { recursive: true, force: true });
  await mkdir(results, { recursive: true });
  const chromium = chromiumPath();
  if (!onlyE2e) requirePdftoppm();
  if (!onlyE2e) {
    await mustPass("typecheck", process.execPath, [bin("typescript", "bin/tsc"), "--noEmit"]);
    await mustPass("lint", process.execPath, [bin("eslint", "bin/eslint.js"), "--max-warnings=0", "."]);
    await vitest("unit");
  }

  const env = getEnv();
  step(env.DATABASE_URL ? "database: the server in DATABASE_URL (fresh databases)" : "database: embedded Postgres (fresh cluster)");
  const server = await startScratchServer(env.DATABASE_URL);
  try {
    await ensureBuild();
    if (!onlyE2e) await vitest("integration", { ...baseEnv, TEST_DATABASE_SERVER_URL: server.adminUrl });
    await e2e(server, chromium);
  } finally {
    await server.stop();
  }
}

main()
  .then(() => {
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed`);
  })
  .catch((error: unknown) => {
    console.error(`\nnpm test: ${error instanceof Error ? error.message : String(error)}`);
    console.log(`tests: ${counts.passed} passed, ${Math.max(counts.failed, 1)} failed`);
    process.exit(1);
  });
