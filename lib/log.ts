// Structured JSON logs to stdout (twelve-factor: logs are an event stream; the
// platform routes them). `process` names the process type that wrote the line.
import pino from "pino";
import { getEnv } from "./env";

export function createLogger(processType: string, level: pino.Level | "silent" = getEnv().LOG_LEVEL, destination?: pino.DestinationStream) {
  const options = { base: { process: processType }, timestamp: pino.stdTimeFunctions.isoTime, level };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
