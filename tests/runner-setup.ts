// What every test runner needs before its first test, whoever starts it (`npm
// test`, `npx vitest run <file>`, `npx playwright test <file>`): a Postgres
// server and a production build that matches the sources.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureCurrentBuild } from "../lib/boot/build";
import { startScratchServer, type ScratchServer } from "../lib/db/scratch";

export const root = path.resolve(import.meta.dirname, "..");

/**
 * The server tests make their databases on: the one `npm test` chose
 * (TEST_DATABASE_SERVER_URL), else the one in DATABASE_URL, else an embedded
 * Postgres started for this run and stopped with it.
 */
export function acquireDatabaseServer(): Promise<ScratchServer> {
  const url = process.env.TEST_DATABASE_SERVER_URL || process.env.DATABASE_URL || undefined;
  return startScratchServer(url);
}

/** Runs a command to completion; rejects with its exit status. */
export function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code ?? signal})`))));
  });
}

/** Builds the app unless .next already matches the sources (the same check `npm start` makes). */
export function ensureBuilt(): Promise<void> {
  return ensureCurrentBuild(root, () =>
    runToEnd(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    }),
  );
}
