// The app served the way `npm start` serves it (scripts/start.ts: production
// build, migrations, web and worker), for the scripts that measure it from
// outside: `npm run bench` and `npm run load`.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export interface ServedApp {
  base: string;
  /** The `next start` process under scripts/start.ts, whose memory can be watched. */
  serverPid(): number;
  stop(): Promise<void>;
}

/** Starts scripts/start.ts on `port` with `env`, and resolves once the app is ready (its readiness check answers). */
export async function serveApp(port: number, env: NodeJS.ProcessEnv): Promise<ServedApp> {
  const base = `http://localhost:${port}`;
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...env, PORT: String(port), LOG_LEVEL: env.LOG_LEVEL ?? "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  app.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (/error|failed/i.test(text)) process.stdout.write(text);
  });
  const stop = () => new Promise<void>((resolve) => (app.exitCode !== null ? resolve() : (app.once("exit", () => resolve()), app.kill("SIGTERM"))));
  try {
    for (let i = 0; ; i++) {
      if (app.exitCode !== null) throw new Error("the server exited while starting; see the output above");
      if (i >= 1800) throw new Error("the server did not start within 15 minutes");
      try {
        if ((await fetch(`${base}/api/health/ready`)).ok) break;
      } catch {
        // not yet listening
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base,
    serverPid() {
      const rows = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(app.pid)], { encoding: "utf8" })
        .trim()
        .split("\n");
      const row = rows.find((r) => /next-server|next\/dist\/bin\/next\s+start/.test(r));
      if (!row) throw new Error("cannot find the web server process");
      return Number.parseInt(row.trim(), 10);
    },
    stop,
  };
}

/** The owner's address of the embedded cluster scripts/start.ts is running in `dataDir`. */
export function embeddedOwnerUrl(dataDir: string): string {
  const { password } = JSON.parse(readFileSync(path.join(dataDir, "postgres.json"), "utf8")) as { password: string };
  const port = readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")
    .split("\n")[3]!
    .trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/twelvefold`;
}
