// How npm start and npm test launch the worker process: the same command as
// `npm run worker`, so all three run it alike.
export const WORKER_ARGS = ["--import", "tsx", "--import", "./scripts/worker-register.mjs", "scripts/worker.ts"];
