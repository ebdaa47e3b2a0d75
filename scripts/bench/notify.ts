// The notification bench for `npm run bench`: runs scripts/bench/notify-run.ts
// against the bench's database and measures the web server's dashboard p95
// before and while the daily scan runs.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { percentiles, type Timings } from "./measure";

export interface NotifyBench {
  scanMs: number;
  raised: number;
  notifications: number;
  dashboardIdle: Timings;
  dashboardDuringScan: Timings;
  emails: number;
  emailsMs: number;
}

export async function timeDashboard(base: string, cookie: string, until: () => boolean, atLeast = 20): Promise<Timings> {
  const samples: number[] = [];
  while (samples.length < atLeast || !until()) {
    const started = performance.now();
    await (await fetch(`${base}/`, { headers: { cookie } })).arrayBuffer();
    samples.push(performance.now() - started);
    if (samples.length > 2000) break;
  }
  return percentiles(samples);
}

export async function benchNotifications(base: string, ownerUrl: string, cookie: string): Promise<NotifyBench> {
  const idle = await timeDashboard(base, cookie, () => true, 30);
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/worker-register.mjs", "scripts/bench/notify-run.ts"], {
    env: { ...process.env, DATABASE_URL: ownerUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const phases: Record<string, Record<string, number>> = {};
  let scanning = false;
  let scanDone = false;
  const lines = createInterface({ input: child.stdout! });
  const finished = new Promise<void>((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`notify bench exited ${code}`)))),
  );
  lines.on("line", (line) => {
    const parsed = JSON.parse(line) as { phase: string } & Record<string, number>;
    if (parsed.phase === "scan-start") scanning = true;
    if (parsed.phase === "scan") scanDone = true;
    phases[parsed.phase] = parsed;
  });
  while (!scanning) await new Promise((resolve) => setTimeout(resolve, 20));
  const during = await timeDashboard(base, cookie, () => scanDone, 5);
  await finished;
  return {
    scanMs: phases.scan!.ms!,
    raised: phases.scan!.raised!,
    notifications: phases.scan!.notifications!,
    dashboardIdle: idle,
    dashboardDuringScan: during,
    emails: phases.emails!.sent!,
    emailsMs: phases.emails!.ms!,
  };
}
