// `npm run worker`: the worker process type (see Procfile). Runs queued jobs,
// such as portfolio reports, against DATABASE_URL. `npm start` runs one beside
// the web server; run more anywhere to add capacity.
import { getEnv, requireDatabaseUrl, ConfigError } from "../lib/env";
import { createLogger } from "../lib/log";
import { startWorker } from "../lib/queue/worker";
import { setSecurityLogProcess } from "../lib/audit/security-log";

setSecurityLogProcess("worker");
const log = createLogger("worker");

async function main(): Promise<void> {
  let databaseUrl: string;
  try {
    getEnv();
    databaseUrl = requireDatabaseUrl();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`twelvefold worker: configuration: ${error.problems.join("; ")}`);
      process.exit(1);
    }
    throw error;
  }
  const worker = await startWorker({ databaseUrl, log, maintenanceIntervalSeconds: getEnv().WORKER_MAINTENANCE_SECONDS });
  log.info("worker ready");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker stopping: finishing the job in hand");
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
