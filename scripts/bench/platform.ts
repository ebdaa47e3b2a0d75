// The platform bench for `npm run bench`: runs scripts/bench/platform-run.ts
// against the bench's database and measures the web server's dashboard p95
// before and while 500 services move to a platform's change.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Timings } from "./measure";
import { timeDashboard } from "./notify";

export interface PlatformBench {
  ms: number;
  services: number;
  fell: number;
  dashboardIdle: Timings;
  dashboardDuring: Timings;
}

export async function benchPlatformChange(base: string, ownerUrl: string, cookie: string): Promise<PlatformBench> {
  const idle = await timeDashboard(base, cookie, () => true, 30);
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/worker-register.mjs", "scripts/bench/platform-run.ts"], {
    env: { ...process.env, DATABASE_URL: ownerUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const phases: Record<string, Record<string, number>> = {};
  let started = false;
  let done = false;
  const finished = new Promise<void>((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`platform bench exited ${code}`)))),
  );
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const parsed = JSON.parse(line) as { phase: string } & Record<string, number>;
    if (parsed.phase === "propagate-start") started = true;
    if (parsed.phase === "propagate") done = true;
    phases[parsed.phase] = parsed;
  });
  while (!started) await new Promise((resolve) => setTimeout(resolve, 20));
  const during = await timeDashboard(base, cookie, () => done, 5);
  await finished;
  return { ms: phases.propagate!.ms!, services: phases.propagate!.services!, fell: phases.propagate!.fell!, dashboardIdle: idle, dashboardDuring: during };
}
