// The audit trail's events as a log stream: one JSON line per event on stdout,
// under "log":"security", so an operator filters them from everything else
// (`jq 'select(.log == "security")'`) and ships them to a SIEM. A line is
// written only once the transaction that recorded the event has committed: a
// change rolled back was never made, and is never logged. Lines carry ids, not
// people: no email, name, address or user agent, and no before/after values;
// the audit trail itself (access-controlled) holds those, and each line's hash
// finds its event there.
import type pino from "pino";
import type { AuditCategory } from "./chain";
import { getEnv } from "../env";
import { createLogger } from "../log";

export interface SecurityLogLine {
  category: AuditCategory;
  action: string;
  actorId: string | null;
  teamId: string | null;
  targetType: string | null;
  targetId: string | null;
  occurredAt: Date;
  /** The event's id and place in the chain, and its hash: the head of the chain once it committed. */
  id: string;
  seq: string;
  hash: string;
}

const pending = new WeakMap<object, SecurityLogLine[]>();
let logger: pino.Logger | undefined;

/** The process type the lines name: "web" unless the process says otherwise (the worker does). */
let processType = "web";
export function setSecurityLogProcess(type: string, destination?: pino.DestinationStream): void {
  processType = type;
  logger = destination ? createLogger(type, "info", destination) : undefined;
}

/** Keeps an event recorded in transaction `tx` until that transaction commits. */
export function queueSecurityLog(tx: object, line: SecurityLogLine): void {
  const lines = pending.get(tx) ?? [];
  lines.push(line);
  pending.set(tx, lines);
}

function securityLogger(): pino.Logger {
  // Written whatever LOG_LEVEL hides of the rest, unless it silences everything.
  logger ??= createLogger(processType, getEnv().LOG_LEVEL === "silent" ? "silent" : "info");
  return logger;
}

/** A signed checkpoint of the chain's head, into the stream: an anchor kept outside the database. */
export function logCheckpoint(checkpoint: object & { seq: string; hash: string }): void {
  securityLogger().info({ log: "security", action: "audit.checkpoint", checkpoint }, "audit.checkpoint");
}

/** Writes what `tx` recorded: called once it has committed. */
export function flushSecurityLog(tx: object): void {
  const lines = pending.get(tx);
  if (!lines) return;
  pending.delete(tx);
  const log = securityLogger();
  for (const line of lines) log.info({ log: "security", ...line, occurredAt: line.occurredAt.toISOString() }, line.action);
}

/** Forgets what `tx` recorded: it rolled back. */
export function dropSecurityLog(tx: object): void {
  pending.delete(tx);
}
