// One instance of the app for end-to-end tests, made from nothing: a fresh
// database on the given server with the demo organisation, the app's
// least-privileged login, and the built web server (with the worker, if asked)
// on the given port. The global set-up makes the one most specs share; a spec
// that must see every change in its database (the fuzzer) makes its own.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { prepareSchema } from "../lib/boot/database";
import { dropAppLogin, ensureAppLogin } from "../lib/db/app-role";
import { createPrismaClient } from "../lib/db/client";
import type { ScratchServer } from "../lib/db/scratch";
import { seedDemo } from "../lib/demo/seed";
import { sealSecret } from "../lib/notify/seal";
import { WORKER_ARGS } from "../scripts/worker-command";
import { root } from "../tests/runner-setup";

export interface AppUnderTest {
  baseURL: string;
  /** The app's own login (least privilege), as the web server connects. */
  appUrl: string;
  /** The database's owner: only for scaffolding the app's role may not create. */
  ownerUrl: string;
  /** The demo people's password. */
  password: string;
  stop(): Promise<void>;
}

const stopped = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));

async function waitForApp(url: string, web: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (web.exitCode !== null) throw new Error(`the web server exited (${web.exitCode}) before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the web server did not answer at ${url}`);
}

export async function startAppUnderTest(options: {
  server: ScratchServer;
  port: number;
  worker: boolean;
  env?: Record<string, string>;
}): Promise<AppUnderTest> {
  const { server, port } = options;
  const ownerUrl = await server.createDatabase("twelvefold_e2e");
  const login = `twelvefold_e2e_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("base64url");
  await prepareSchema(ownerUrl);
  const prisma = createPrismaClient(ownerUrl, 2);
  await seedDemo(prisma, { password, sealSecret }).finally(() => prisma.$disconnect());
  const appUrl = await ensureAppLogin(ownerUrl, login, randomBytes(18).toString("base64url"));
  const env = { ...process.env, DATABASE_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" };
  const children: ChildProcess[] = [];
  // The worker, as `npm start` runs it beside the web server: it makes the queued portfolio reports.
  if (options.worker) children.push(spawn(process.execPath, WORKER_ARGS, { cwd: root, env: { ...env, ...options.env }, stdio: "inherit" }));
  const web = spawn(process.execPath, ["scripts/web.mjs", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, ...options.env, NODE_ENV: "production", AUTH_SECRET: randomBytes(32).toString("base64url") },
  });
  children.push(web);
  const stop = async () => {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map(stopped));
    await server.dropDatabase(ownerUrl);
    await dropAppLogin(server.adminUrl, login);
  };
  try {
    await waitForApp(`http://127.0.0.1:${port}/api/health/live`, web);
  } catch (error) {
    await stop();
    throw error;
  }
  // localhost, not 127.0.0.1: Auth.js checks the origin against this host.
  return { baseURL: `http://localhost:${port}`, appUrl, ownerUrl, password, stop };
}
