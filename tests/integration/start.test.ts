// Runs the real `npm start` script (scripts/start.ts) as a newcomer would.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { freshDatabase, withClient } from "./helpers";
import { signInOverHttp } from "../http-sign-in";

const root = path.resolve(import.meta.dirname, "..", "..");
const running = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number>;
}

function start(env: Record<string, string | undefined>): Started {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", DEMO_PASSWORD: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env: childEnv });
  running.add(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code ?? 1);
    }),
  );
  return { child, output: () => output, exit };
}

async function waitFor(started: Started, pattern: RegExp, ms = 240_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`start exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(started: Started): Promise<number> {
  started.child.kill("SIGTERM");
  return started.exit;
}

/** The one line a failed start prints, and proof that it is only one line. */
async function failure(env: Record<string, string | undefined>): Promise<string> {
  const started = start(env);
  expect(await started.exit).toBe(1);
  const lines = started
    .output()
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("twelvefold:") || /^\s+at /.test(l));
  expect(
    lines.filter((l) => /^\s+at /.test(l)),
    "no stack trace",
  ).toEqual([]);
  return lines.at(-1) ?? "";
}

afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
});

describe("npm start, bad configuration", () => {
  it("names a malformed DATABASE_URL", async () => {
    expect(await failure({ DATABASE_URL: "localhost:5432/twelvefold" })).toMatch(/^twelvefold: configuration: DATABASE_URL must be a URL like postgresql:\/\//);
  });

  it("says which port is taken and how to choose another", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      expect(await failure({ PORT: String(port) })).toBe(
        `twelvefold: port ${port} is already in use on 127.0.0.1: stop what uses it, or choose another, e.g. PORT=${port + 1} npm start`,
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses a privileged port", async () => {
    expect(await failure({ PORT: "443" })).toMatch(/PORT must be 1024 or above/);
  });

  it("says when the database cannot be reached", async () => {
    const port = await freePort();
    expect(await failure({ DATABASE_URL: `postgresql://app:secret@127.0.0.1:${port}/twelvefold`, PORT: String(await freePort()) })).toBe(
      `twelvefold: Cannot reach Postgres at 127.0.0.1:${port} (connection refused): start it, or fix DATABASE_URL.`,
    );
  });
});

describe("npm start, working", () => {
  it("uses DATABASE_URL: migrates an empty database and seeds nothing", async () => {
    const url = await freshDatabase("twelvefold_start");
    const port = await freePort();
    const started = start({ DATABASE_URL: url, PORT: String(port) });
    await waitFor(started, /Twelvefold is ready at http:\/\/localhost:\d+/);
    // The worker process type runs beside the web server.
    await waitFor(started, /"process":"worker".*"msg":"worker ready"/);
    const anonymous = await fetch(`http://localhost:${port}/services`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(new URL(anonymous.headers.get("location")!, `http://localhost:${port}`).pathname).toBe("/sign-in");
    expect(await (await fetch(`http://localhost:${port}/sign-in`)).text()).toContain("Sign in to Twelvefold");
    expect(started.output()).not.toMatch(/demo organisation/);
    const users = await withClient(url, async (c) => (await c.query("SELECT count(*)::int AS n FROM users")).rows[0].n);
    expect(users).toBe(0);
    expect(await stop(started)).toBe(0);
  });

  it("without DATABASE_URL: starts an embedded Postgres with demo data that survives a restart", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tf-start-"));
    await chmod(dataDir, 0o755);
    try {
      const port = await freePort();
      const env = { DATABASE_URL: undefined, MIGRATION_DATABASE_URL: undefined, DATA_DIR: dataDir, PORT: String(port) };
      const first = start(env);
      await waitFor(first, /Twelvefold is ready/);
      // The worker connects as the app's login role, like the web server.
      await waitFor(first, /"msg":"worker ready"/);
      const password = /Password \(shown once; set DEMO_PASSWORD to choose your own\): (\S{12,})/.exec(first.output())?.[1];
      expect(password).toBeTruthy();
      const base = `http://localhost:${port}`;
      const cookie = await signInOverHttp(base, "lead@demo.test", password!);
      expect(await (await fetch(`${base}/services`, { headers: { cookie } })).text()).toContain("Checkout API");
      expect(await stop(first)).toBe(0);

      const second = start(env);
      await waitFor(second, /Twelvefold is ready/);
      expect(second.output()).not.toMatch(/demo organisation|applied \d+ migration/);
      // The same session survives the restart: its secret and its record are kept.
      expect(await (await fetch(`http://localhost:${port}/`, { headers: { cookie } })).text()).toContain("Checkout API");
      expect(await stop(second)).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
